package io.openvidu.java.client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the client logged during a test. slf4j-simple (the test binding, configured by {@code
 * simplelogger.properties} to show the client's DEBUG lines) writes to whatever {@code System.err}
 * is at the time, so the extension swaps it for a buffer around each test. Register with
 * {@code @RegisterExtension}.
 */
final class CapturedLogs implements BeforeEachCallback, AfterEachCallback {

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private PrintStream original;

  @Override
  public void beforeEach(ExtensionContext context) {
    original = System.err;
    buffer.reset();
    System.setErr(newPrintStream(buffer));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    System.setErr(original);
    original.print(text());
  }

  /**
   * @return everything logged so far in this test
   */
  String text() {
    return new String(buffer.toByteArray(), StandardCharsets.UTF_8);
  }

  private static PrintStream newPrintStream(ByteArrayOutputStream buffer) {
    try {
      return new PrintStream(buffer, true, StandardCharsets.UTF_8.name());
    } catch (java.io.UnsupportedEncodingException impossible) {
      throw new AssertionError(impossible);
    }
  }
}
