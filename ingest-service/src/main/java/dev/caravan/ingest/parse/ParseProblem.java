package dev.caravan.ingest.parse;

/** Something in an input that was skipped, with where it was: shown to the user, never a stack trace. */
public record ParseProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
