package dev.caravan.ops;

/** One dependency or condition a service needs to do its work, asked on every readiness probe. */
@FunctionalInterface
public interface HealthCheck extends AutoCloseable {

    Result check();

    /** Releases what the check holds (a client, its threads); most hold nothing. */
    @Override
    default void close() {
    }

    record Result(boolean up, String detail) {
        public static Result up(String detail) {
            return new Result(true, detail);
        }

        public static Result down(String detail) {
            return new Result(false, detail);
        }
    }
}
