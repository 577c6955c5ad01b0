package io.openvidu.java.client.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Webhook bodies of {@code spec/webhooks.md} §3, as the raw bytes a receiver gets. Where the spec
 * gives an example it is copied verbatim ({@code sessionCreated}, {@code sessionDestroyed}, {@code
 * participantJoined}, {@code webrtcConnectionCreated}, {@code recordingStatusChanged}, {@code
 * signalSent}, {@code mediaNodeStatusChanged}; {@code autoscaling} with its {@code event} member
 * added); the others are built from the spec's member tables on the same session.
 */
final class EventExamples {

  private EventExamples() {}

  static byte[] load(String name) {
    try (InputStream in = EventExamples.class.getResourceAsStream("events/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no example " + name);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes.write(buffer, 0, n);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
