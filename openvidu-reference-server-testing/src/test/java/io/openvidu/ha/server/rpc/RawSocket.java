package io.openvidu.ha.server.rpc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A participant WebSocket that sends frames exactly as given (text or binary) and hands back what
 * the server answers, for frames {@code SimulatedParticipant} would never send. Public for the fuzz
 * test. Not thread-safe: one test thread drives it.
 */
public final class RawSocket implements AutoCloseable {
  /** Numbers kept as written: an id such as {@code 1e309} must not read as infinity. */
  public static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final WebSocket socket;
  private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  private RawSocket(URI master) {
    URI ws = URI.create("ws://" + master.getHost() + ":" + master.getPort() + "/openvidu");
    this.socket =
        HTTP.newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(ws, new Listener())
            .orTimeout(10, TimeUnit.SECONDS)
            .join();
  }

  /** Opens a socket on the master at {@code master}. */
  public static RawSocket open(URI master) {
    return new RawSocket(master);
  }

  public void sendText(String frame) {
    socket.sendText(frame, true).orTimeout(5, TimeUnit.SECONDS).join();
  }

  public void sendBinary(byte[] frame) {
    socket.sendBinary(ByteBuffer.wrap(frame), true).orTimeout(5, TimeUnit.SECONDS).join();
  }

  /**
   * The next answer (a frame that is not a notification), waiting at most {@code timeout}; {@code
   * null} when the server closed the socket instead of answering.
   *
   * @throws AssertionError when nothing comes in time on an open socket: a request left unanswered
   */
  public JsonNode nextAnswer(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String frame;
      try {
        frame = received.poll(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (frame == null) {
        if (closed && received.isEmpty()) {
          return null;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no answer within " + timeout);
        }
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(frame);
      } catch (IOException e) {
        throw new UncheckedIOException("the server sent a frame that is not JSON: " + frame, e);
      }
      if (!node.has("method")) {
        return node;
      }
    }
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (!closed) {
      socket.abort();
      closed = true;
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed = true;
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed = true;
    }
  }
}
