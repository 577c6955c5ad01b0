package io.openvidu.ha.server.api;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * Boolean query parameters ({@code ?pendingConnections=true}): anything but true/false is a 400.
 */
final class QueryFlags {
  private QueryFlags() {}

  static boolean flag(Context ctx, String name, boolean defaultValue) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return defaultValue;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw ApiException.framework(
              400, "Failed to convert value of query parameter '" + name + "' to a boolean");
    };
  }
}
