package dev.caravan.ingest.api;

import java.util.Map;

/** Ends a request with a problem-details answer; {@code headers} go with it (WWW-Authenticate, Retry-After). */
final class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = headers;
    }

    ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    Problem problem() {
        return problem;
    }

    Map<String, String> headers() {
        return headers;
    }
}
