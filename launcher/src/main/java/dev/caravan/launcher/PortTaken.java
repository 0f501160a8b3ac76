package dev.caravan.launcher;

import java.net.BindException;

/** A server could not listen on its port: says which port, and which key or variable chooses it. */
final class PortTaken extends RuntimeException {

    PortTaken(String what, int port, String key, String variable, Throwable cause) {
        super(what + " cannot listen on port " + port + ": it is taken by another process. Free it, or choose another with "
                + key + " (environment " + variable + ")", cause);
    }

    /** The PortTaken in {@code e}'s causes, if any. */
    static PortTaken in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PortTaken taken) {
                return taken;
            }
        }
        return null;
    }

    /** Whether {@code e} is a failure to bind a port (the JDK's, or Javalin's and Jetty's wrappers of it). */
    static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || t.getClass().getSimpleName().contains("BindException")
                    || t.getMessage() != null && t.getMessage().contains("already in use")) {
                return true;
            }
        }
        return false;
    }
}
