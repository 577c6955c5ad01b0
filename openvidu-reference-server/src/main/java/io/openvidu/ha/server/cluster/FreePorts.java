package io.openvidu.ha.server.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks loopback ports nobody listens on, for servers that must know their port before they start
 * (a master keeps its port across restarts, and the cluster's public URL names it).
 *
 * <p>Ports come from below the operating system's ephemeral range (Linux hands out 32768-60999 to
 * outgoing connections, other systems 49152-65535). A port the kernel chose with {@code new
 * ServerSocket(0)} lies inside that range: once the probe socket closes, the next outgoing
 * connection of any process (a test's own HTTP clients, say) may take it as its local port, and the
 * server that meant to listen there fails with "address already in use". Ports picked here only
 * collide with another process picking ports the same way at the same instant.
 *
 * <p>Thread-safe.
 */
public final class FreePorts {
  private static final int LOWEST = 15_000;
  private static final int BELOW_EPHEMERAL = 32_768;
  private static final int TRIES = 200;

  private FreePorts() {}

  /**
   * A port that is free on the loopback interface right now.
   *
   * @throws UncheckedIOException if none could be found
   */
  public static int find() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < TRIES; i++) {
      int port = random.nextInt(LOWEST, BELOW_EPHEMERAL);
      if (isFree(port)) {
        return port;
      }
    }
    // Everything tried was taken: let the kernel choose, with the risk described above.
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback interface", e);
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
