package dev.caravan.ingest.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Checks {@code Authorization: Bearer <token>} against the configured token. The comparison is
 * over SHA-256 digests with {@link MessageDigest#isEqual}, so its time tells nothing about the
 * token, not even its length. The token is never logged nor echoed.
 */
final class BearerAuth {

    private final byte[] expectedDigest;

    BearerAuth(String token) {
        this.expectedDigest = token == null || token.isEmpty() ? null : digest(token);
    }

    boolean enabled() {
        return expectedDigest != null;
    }

    void check(String authorization) {
        if (expectedDigest == null) {
            return;
        }
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : "";
        if (!MessageDigest.isEqual(expectedDigest, digest(presented))) {
            throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                    authorization == null ? "an Authorization: Bearer token is required" : "the bearer token is not valid"),
                    Map.of("WWW-Authenticate", "Bearer realm=\"caravan-ingest\""));
        }
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
