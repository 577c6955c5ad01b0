package io.openvidu.ha.server.testing.internal;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Hears one participant's socket: each text message, then its end, once. Jetty reports a socket
 * lost without a close frame as a close (1006) or an error, even when the peer's FIN arrives while
 * a message is being handled (the JDK's WebSocket client lost that report: the socket then looked
 * open forever). Public only because Jetty invokes listeners through public method handles.
 */
public final class SocketListener implements Session.Listener.AutoDemanding {

  /** The code {@link #SocketListener} reports when the socket failed rather than closed. */
  public static final int FAILED = -1;

  private final Consumer<String> messages;
  private final IntConsumer end;

  /**
   * @param messages each text message, in order, on one of Jetty's threads
   * @param end the close code, or {@link #FAILED}; may be called more than once (close after error)
   */
  public SocketListener(Consumer<String> messages, IntConsumer end) {
    this.messages = Objects.requireNonNull(messages, "messages");
    this.end = Objects.requireNonNull(end, "end");
  }

  @Override
  public void onWebSocketText(String text) {
    messages.accept(text);
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    end.accept(statusCode);
  }

  @Override
  public void onWebSocketError(Throwable error) {
    end.accept(FAILED);
  }
}
