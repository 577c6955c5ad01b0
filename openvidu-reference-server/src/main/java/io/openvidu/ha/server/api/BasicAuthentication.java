package io.openvidu.ha.server.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * HTTP Basic authentication of the REST API: user {@code OPENVIDUAPP}, password the cluster secret.
 * A missing or wrong header is a 401 carrying {@code WWW-Authenticate: Basic realm="Realm"} (the
 * official client only sends credentials after that challenge). Credentials are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, so the time taken says nothing about the secret.
 * Thread-safe.
 */
public final class BasicAuthentication {
  private static final String USER = "OPENVIDUAPP";

  private final byte[] expectedDigest;

  public BasicAuthentication(String secret) {
    this.expectedDigest = sha256((USER + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /** Throws a 401 {@link ApiException} unless {@code ctx} carries the right credentials. */
  public void check(Context ctx) {
    if (!isAuthorized(ctx.header("Authorization"))) {
      ctx.header("WWW-Authenticate", "Basic realm=\"Realm\"");
      throw ApiException.framework(401, "Unauthorized");
    }
  }

  /** Whether an {@code Authorization} header value carries the right credentials. */
  public boolean isAuthorized(String authorization) {
    byte[] given = new byte[0];
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        given = Base64.getDecoder().decode(authorization.substring(6).trim());
      } catch (IllegalArgumentException e) {
        given = new byte[0];
      }
    }
    return MessageDigest.isEqual(expectedDigest, sha256(given));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
