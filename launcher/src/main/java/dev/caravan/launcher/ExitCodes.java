package dev.caravan.launcher;

/**
 * What {@code caravan} exits with, the same for every command (README, "The CLI"): the BSD sysexits
 * numbers for usage and configuration mistakes, so a script can tell them from a run that went wrong.
 */
final class ExitCodes {

    static final int OK = 0;
    /** Something was skipped (named with file and line); the rest was used. */
    static final int PARTIAL = 1;
    /** Kafka did not take the records. */
    static final int KAFKA = 2;
    /** A bad option or argument, a missing file. */
    static final int USAGE = 64;
    /** Unexpected failure. */
    static final int SOFTWARE = 70;
    /** A bad configuration value or key, a port already taken. */
    static final int CONFIG = 78;

    private ExitCodes() {
    }
}
