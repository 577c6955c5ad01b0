package io.openvidu.java.client.internal.json;

import io.openvidu.java.client.Signal;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Request bodies of the calls the official 2.20 client does not make: signals and media nodes.
 * Members in a fixed order; an unset optional member is left out (the server then applies its
 * default).
 */
public final class ExtensionRequestJson {

  private ExtensionRequestJson() {}

  /**
   * Body of {@code POST /openvidu/api/signal}: {@code session}, {@code to} (left out for everyone),
   * {@code type} and {@code data} (each only when set).
   */
  public static byte[] signal(Signal signal) {
    try {
      JsonObjectWriter json = new JsonObjectWriter();
      json.text("session", signal.sessionId());
      if (!signal.to().isEmpty()) {
        json.textArray("to", signal.to().toArray(new String[0]));
      }
      if (signal.type() != null) {
        json.text("type", signal.type());
      }
      if (signal.data() != null) {
        json.text("data", signal.data());
      }
      return json.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a request body", e);
    }
  }

  /**
   * Body of {@code POST /openvidu/api/media-nodes} on premises: {@code uri}, {@code environmentId}.
   */
  public static byte[] mediaNodeOnPremises(String uri, String environmentId) {
    try {
      JsonObjectWriter json = new JsonObjectWriter();
      json.text("uri", uri);
      if (environmentId != null) {
        json.text("environmentId", environmentId);
      }
      return json.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a request body", e);
    }
  }

  /** Body of {@code PATCH /openvidu/api/media-nodes/{id}}: {@code {"status": ...}}. */
  public static byte[] mediaNodeStatus(String status) {
    try {
      JsonObjectWriter json = new JsonObjectWriter();
      json.text("status", status);
      return json.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a request body", e);
    }
  }
}
