package io.openvidu.ha.server.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives by itself, before or around Javalin (a request line, header or URI it
 * cannot parse: 400, 414, 417, 431, and 505, which becomes a 400; an ambiguous or badly encoded
 * path; a failure no handler caught), in the framework's JSON error shape of rest-api.md §2.3
 * instead of Jetty's HTML page. Installed at both levels where Jetty looks for an error handler:
 * the server (bad messages, which never reach a context) and the servlet context.
 *
 * <p>A 5xx from here carries no message: Jetty's text for it may name internals.
 */
final class JettyErrorPages {

  private JettyErrorPages() {}

  static void install(JavalinConfig config) {
    config.jetty.modifyServer(server -> server.setErrorHandler(new ServerErrors()));
    config.jetty.modifyServletContextHandler(
        handler -> handler.setErrorHandler(new ContextErrors()));
  }

  /**
   * The status to answer for one Jetty raised. Jetty answers 505 to any request line it cannot read
   * (HTTP/0.9, a raw LF in the path, a version such as HTTP/9.9): the client's mistake, so a 400.
   */
  static int statusFor(int jettyStatus) {
    if (jettyStatus == 505 || HttpStatus.forStatus(jettyStatus) == HttpStatus.UNKNOWN) {
      return 400;
    }
    return jettyStatus;
  }

  /** The JSON body for an error Jetty raised with {@code jettyStatus} and {@code reason}. */
  static String body(int jettyStatus, String reason, String path) {
    int status = statusFor(jettyStatus);
    String message;
    if (jettyStatus == 505) {
      message = "Malformed request line or unsupported HTTP version";
    } else {
      message = status >= 500 || reason == null ? "" : reason;
    }
    return ApiException.framework(status, message).toResponse(path == null ? "" : path).body();
  }

  private static void write(Response response, int status) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().remove(HttpHeader.CACHE_CONTROL);
  }

  private static String pathOf(Request request) {
    HttpURI uri = request.getHttpURI();
    return uri == null ? "" : uri.getPath();
  }

  private static boolean respond(
      Request request, Response response, Callback callback, int jettyStatus, String reason) {
    write(response, statusFor(jettyStatus));
    response.write(
        true,
        ByteBuffer.wrap(
            body(jettyStatus, reason, pathOf(request)).getBytes(StandardCharsets.UTF_8)),
        callback);
    return true;
  }

  private static int status(Request request) {
    return request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer status ? status : 500;
  }

  private static String message(Request request) {
    return request.getAttribute(ErrorHandler.ERROR_MESSAGE) instanceof String message
        ? message
        : null;
  }

  /** The server-level handler: bad messages and errors outside the servlet context. */
  private static final class ServerErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      return respond(request, response, callback, status(request), message(request));
    }

    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback) {
      respond(request, response, callback, code, message);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      fields.put(HttpHeader.CONTENT_TYPE, "application/json");
      return ByteBuffer.wrap(body(status, reason, "").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The servlet context's handler: errors Jetty raises once a request reached the context. */
  private static final class ContextErrors extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      return respond(request, response, callback, status(request), message(request));
    }

    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback) {
      respond(request, response, callback, code, message);
    }

    @Override
    protected boolean generateAcceptableResponse(
        Request request,
        Response response,
        Callback callback,
        String contentType,
        List<Charset> charsets,
        int code,
        String message,
        Throwable cause) {
      return respond(request, response, callback, code, message);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      fields.put(HttpHeader.CONTENT_TYPE, "application/json");
      return ByteBuffer.wrap(body(status, reason, "").getBytes(StandardCharsets.UTF_8));
    }
  }
}
