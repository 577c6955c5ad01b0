package io.openvidu.ha.server.api;

import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;

/**
 * Makes the routes see the HTTP method the client sent, and only that one:
 *
 * <ul>
 *   <li>{@code X-HTTP-Method-Override}, which Javalin would otherwise honour, is hidden: OpenVidu
 *       honours no method override, and a state change reachable through a GET is a cross-site
 *       request forgery waiting to happen.
 *   <li>{@code HEAD} runs the GET route of the path, so it answers exactly the status and headers a
 *       GET would (Jetty sends no body for a HEAD). Javalin's own HEAD answers 200 for any path
 *       with a GET route without running it.
 * </ul>
 *
 * A servlet filter in front of Javalin, because Javalin reads the override header itself. Requests
 * that need neither go through untouched (WebSocket upgrades among them). Stateless, thread-safe.
 */
final class PlainMethods implements Filter {

  /** The header Javalin reads to replace the request's method. */
  static final String OVERRIDE_HEADER = "X-HTTP-Method-Override";

  static void install(JavalinConfig config) {
    config.jetty.modifyServletContextHandler(
        handler ->
            handler.addFilter(
                new FilterHolder(new PlainMethods()), "/*", EnumSet.of(DispatcherType.REQUEST)));
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http
        && ("HEAD".equals(http.getMethod()) || http.getHeader(OVERRIDE_HEADER) != null)) {
      chain.doFilter(new AsSent(http), response);
    } else {
      chain.doFilter(request, response);
    }
  }

  /** The request with HEAD read as GET and without the override header. */
  private static final class AsSent extends HttpServletRequestWrapper {
    AsSent(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getMethod() {
      String method = super.getMethod();
      return "HEAD".equals(method) ? "GET" : method;
    }

    @Override
    public String getHeader(String name) {
      return isOverride(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return isOverride(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = Collections.list(super.getHeaderNames());
      names.removeIf(AsSent::isOverride);
      return Collections.enumeration(names);
    }

    private static boolean isOverride(String name) {
      return OVERRIDE_HEADER.equalsIgnoreCase(name);
    }
  }
}
