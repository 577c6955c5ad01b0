package io.openvidu.ha.server.api;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a request body as text, the one way every endpoint does: every way a body can fail to
 * arrive or to decode is the framework's 400 with a message saying which, never a 500. The body may
 * end before its {@code Content-Length}, carry a broken chunked encoding, declare a charset that
 * does not exist or is not supported, or hold bytes that are not valid in its charset. The charset
 * is the one {@code Content-Type} declares, UTF-8 when it declares none (RFC 8259).
 */
public final class RequestText {

  /** How much of a client-supplied charset name an error message repeats. */
  private static final int SHOWN_CHARSET_CHARS = 40;

  private RequestText() {}

  /**
   * The body of {@code ctx} as text; empty when there is none.
   *
   * @throws ApiException 400 (framework shape) when the body cannot be read or decoded
   */
  public static String of(Context ctx) {
    Charset charset = charset(ctx.header("Content-Type"));
    byte[] bytes = bytes(ctx);
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiException.framework(
          400, "The request body is not valid " + charset.name() + " text");
    }
  }

  /**
   * The body of {@code ctx} as bytes; empty when there is none.
   *
   * @throws ApiException 400 (framework shape) when the body cannot be read to its end
   */
  public static byte[] bytes(Context ctx) {
    try {
      return ctx.bodyAsBytes();
    } catch (HttpResponseException | ApiException e) {
      throw e; // the 413 of the body limit
    } catch (Exception e) {
      // Jetty's BadMessageException or its early-EOF IOException (which Javalin lets through
      // undeclared): the body ended before its announced length, or its chunked encoding is broken.
      throw ApiException.framework(
          400,
          "The request body could not be read: it ended before its announced length or its"
              + " chunked encoding is malformed");
    }
  }

  /**
   * The charset a {@code Content-Type} declares; UTF-8 when it declares none.
   *
   * @throws ApiException 400 when the declared charset is empty, malformed or unsupported
   */
  static Charset charset(String contentType) {
    Optional<String> declared = declaredCharset(contentType);
    if (declared.isEmpty()) {
      return StandardCharsets.UTF_8;
    }
    String name = declared.get();
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      String shown =
          name.length() > SHOWN_CHARSET_CHARS
              ? name.substring(0, SHOWN_CHARSET_CHARS) + "..."
              : name;
      throw ApiException.framework(
          400, "Unsupported charset '" + shown + "' in Content-Type; send the body as UTF-8");
    }
  }

  private static Optional<String> declaredCharset(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String[] parts = contentType.split(";");
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      int equals = parameter.indexOf('=');
      if (equals > 0
          && parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("charset")) {
        String value = parameter.substring(equals + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
