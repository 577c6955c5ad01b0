package io.openvidu.ha.server.cluster;

/**
 * Holds every request while closed, as a frozen process would: the port stays open and connections
 * are accepted, but nothing is answered until the gate opens again. Thread-safe.
 */
final class HangGate {
  private boolean closed;

  synchronized void close() {
    closed = true;
  }

  synchronized void open() {
    closed = false;
    notifyAll();
  }

  synchronized void pass() throws InterruptedException {
    while (closed) {
      wait();
    }
  }
}
