package dev.caravan.index.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client error answered as RFC 9457 problem JSON. It carries only what the caller may see:
 * never a stack trace, never OpenSearch's own error text.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String parameter;

    private ApiProblem(int status, String title, String detail, String parameter) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.parameter = parameter;
    }

    public static ApiProblem badParameter(String parameter, String detail) {
        return new ApiProblem(400, "Bad Request", "parameter '" + parameter + "' " + detail, parameter);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not Found", detail, null);
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "Service Unavailable", detail, null);
    }

    public int status() {
        return status;
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        return body;
    }
}
