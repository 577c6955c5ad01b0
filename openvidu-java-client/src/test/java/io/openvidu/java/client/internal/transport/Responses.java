package io.openvidu.java.client.internal.transport;

import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/** Scripted answers of the mock masters, and the requests the tests send. */
final class Responses {

  private Responses() {}

  static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("{\"status\":" + code + "}").build();
  }

  /**
   * Reads the whole request, then closes the connection without answering: the outcome is unknown.
   */
  static MockResponse dropAfterRequest() {
    return new MockResponse.Builder()
        .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
        .build();
  }

  static ApiRequest get() {
    return ApiRequest.get("/openvidu/api/sessions").named("fetch");
  }

  static ApiRequest patch() {
    return ApiRequest.patch(
            "/openvidu/api/sessions/ses_A/connection/con_B", json("{\"role\":\"MODERATOR\"}"))
        .named("updateConnection");
  }

  /** A PUT without a body, as discovering media nodes. */
  static ApiRequest put() {
    return ApiRequest.put("/openvidu/api/media-nodes", null).named("discoverMediaNodes");
  }

  static ApiRequest delete() {
    return ApiRequest.delete("/openvidu/api/sessions/ses_A").named("closeSession");
  }

  /** A POST with no idempotency guarantee, as startRecording. */
  static ApiRequest post() {
    return ApiRequest.post("/openvidu/api/recordings/start", json("{\"session\":\"ses_A\"}"))
        .named("startRecording");
  }

  /** A POST the API layer declares safe to repeat, as createSession with a client-chosen id. */
  static ApiRequest repeatablePost() {
    return ApiRequest.post("/openvidu/api/sessions", json("{\"customSessionId\":\"ses_A\"}"))
        .named("createSession")
        .repeatableWhenOutcomeUnknown(true);
  }

  static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
