package io.openvidu.ha.benchmarks.load;

/** The four calls of the measured backend mix, in the order a mix makes them. */
public enum Operation {
  CREATE_SESSION("createSession"),
  CREATE_CONNECTION("createConnection"),
  FETCH_SESSION("session.fetch"),
  CLOSE_SESSION("session.close");

  private final String label;

  Operation(String label) {
    this.label = label;
  }

  /** The SDK method it stands for. */
  public String label() {
    return label;
  }
}
