package io.openvidu.java.client.internal.transport.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures what {@link StaleConnectionGuard}'s check costs on a healthy idle connection, per
 * request: the non-blocking read on a channel-backed socket (what every reused HTTP/1.1 connection
 * pays) and the 1 ms timed read that is the fallback without a channel (paid only before POSTs).
 * Not a test: it prints numbers and never fails on one.
 *
 * <p>Run: {@code mvn -q -pl openvidu-java-client test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.openvidu.java.client.internal.transport.StaleCheckBenchmark}
 */
public final class StaleCheckBenchmark {

  private static final int WARMUP = 50_000;
  private static final int CHANNEL_CHECKS = 500_000;
  private static final int TIMED_CHECKS = 300;

  private StaleCheckBenchmark() {}

  public static void main(String[] args) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      InetSocketAddress address =
          new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
      List<Socket> accepted = new ArrayList<>();
      Socket channelBacked = new TrackedSockets().channelSocketFactory().createSocket();
      channelBacked.connect(address);
      accepted.add(server.accept());
      Socket plain = new Socket();
      plain.connect(address);
      accepted.add(server.accept());

      for (int i = 0; i < WARMUP; i++) {
        check(channelBacked, "GET");
      }
      long start = System.nanoTime();
      for (int i = 0; i < CHANNEL_CHECKS; i++) {
        check(channelBacked, "GET");
      }
      double channelNanos = (System.nanoTime() - start) / (double) CHANNEL_CHECKS;

      start = System.nanoTime();
      for (int i = 0; i < TIMED_CHECKS; i++) {
        check(plain, "POST");
      }
      double timedNanos = (System.nanoTime() - start) / (double) TIMED_CHECKS;

      System.out.printf(
          "non-blocking read, channel-backed socket: %,.0f ns per check (%,d checks)%n",
          channelNanos, CHANNEL_CHECKS);
      System.out.printf(
          "1 ms timed read, plain socket (fallback, POST only): %,.0f ns per check (%,d checks)%n",
          timedNanos, TIMED_CHECKS);
      for (Socket socket : accepted) {
        socket.close();
      }
      System.out.println(
          "after the server closed both: channel-backed '"
              + StaleConnectionGuard.deadBecause(channelBacked, "GET")
              + "', plain '"
              + StaleConnectionGuard.deadBecause(plain, "POST")
              + "'");
      channelBacked.close();
      plain.close();
    }
  }

  private static void check(Socket socket, String method) {
    String dead = StaleConnectionGuard.deadBecause(socket, method);
    if (dead != null) {
      throw new IllegalStateException("a healthy connection was found " + dead);
    }
  }
}
