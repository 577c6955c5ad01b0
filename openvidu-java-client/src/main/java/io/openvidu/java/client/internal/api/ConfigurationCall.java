package io.openvidu.java.client.internal.api;

import io.openvidu.java.client.deployment.OpenViduConfiguration;
import io.openvidu.java.client.internal.transport.ApiRequest;

/** {@code GET /openvidu/api/config} (rest-api.md §5.14), typed, every member kept. */
public final class ConfigurationCall {

  private ConfigurationCall() {}

  public static Operation<OpenViduConfiguration> get() {
    ApiRequest request = ApiRequest.get(ApiPaths.CONFIG).named("getConfiguration");
    return Operation.reading(
        request,
        response -> {
          if (!response.isSuccessful()) {
            throw ServerErrors.toException(request, response);
          }
          return OpenViduApi.read(
              request,
              response,
              "config",
              json -> {
                // The two members the typed view requires: a clear message when either is wrong.
                json.requireText("VERSION");
                json.requireText("OPENVIDU_PUBLICURL");
                return new OpenViduConfiguration(json.asPlainMap());
              });
        });
  }
}
