package io.openvidu.java.client.internal.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;

/**
 * A master that hangs: it accepts connections on a loopback port, takes in what the client sends
 * and never answers. It notices when the client gives a connection up (an attempt cancelled or
 * timed out closes it).
 */
final class SilentServer implements Closeable {

  private final ServerSocket server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final Semaphore connected = new Semaphore(0);
  private final Semaphore closedByClient = new Semaphore(0);

  SilentServer() throws IOException {
    daemon(
        "silent-server-" + server.getLocalPort(),
        () -> {
          while (!server.isClosed()) {
            try {
              Socket socket = server.accept();
              accepted.add(socket);
              connected.release();
              daemon("silent-connection-" + socket.getPort(), () -> drainUntilClosed(socket));
            } catch (IOException closed) {
              return;
            }
          }
        });
  }

  private void drainUntilClosed(Socket socket) {
    byte[] buffer = new byte[4096];
    try (InputStream in = socket.getInputStream()) {
      while (in.read(buffer) != -1) {
        // the request is read and ignored: never answered
      }
    } catch (IOException reset) {
      // a reset is a close too
    }
    if (!server.isClosed()) {
      closedByClient.release();
    }
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  HttpUrl url() {
    return HttpUrl.get("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Waits up to five seconds for a client to connect. */
  void awaitConnection() throws InterruptedException {
    if (!connected.tryAcquire(5, TimeUnit.SECONDS)) {
      throw new AssertionError("no connection within five seconds");
    }
  }

  /** Waits up to five seconds for a client to close a connection it opened. */
  void awaitClosedByClient() throws InterruptedException {
    if (!closedByClient.tryAcquire(5, TimeUnit.SECONDS)) {
      throw new AssertionError("the client kept its connection open for five seconds");
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : accepted) {
      socket.close();
    }
  }
}
