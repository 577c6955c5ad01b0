package io.openvidu.ha.benchmarks.isolation;

/**
 * The ways of calling OpenVidu that the benchmarks compare: which jars they run on and which
 * workload class drives them.
 */
public enum ClientKind {
  /**
   * Our SDK, constructed as the official one is: {@code new OpenVidu(urls, secret)}, every default
   * kept.
   */
  OURS("ours", "ours", "io.openvidu.ha.benchmarks.client.openvidu.DropInClient"),
  /**
   * {@code io.openvidu:openvidu-java-client:2.20.0}, running the same workload class file as {@link
   * #OURS}.
   */
  OFFICIAL("official 2.20.0", "official", "io.openvidu.ha.benchmarks.client.openvidu.DropInClient"),
  /** The same requests hand-written on OkHttp: what any Java client must at least spend. */
  RAW_OKHTTP(
      "raw OkHttp", "raw-okhttp", "io.openvidu.ha.benchmarks.client.rawokhttp.RawOkHttpClient"),
  /**
   * Our SDK with its defaults plus an event listener that reports failed attempts (for the failover
   * runs).
   */
  OURS_OBSERVED("ours", "ours", "io.openvidu.ha.benchmarks.client.openvidu.ObservedClient"),
  /**
   * An older build of our SDK, for before-and-after runs: its jars copied by hand into {@code
   * target/clients/ours-baseline} (the build does not lay this set out; it is optional).
   */
  OURS_BASELINE(
      "ours (baseline)", "ours-baseline", "io.openvidu.ha.benchmarks.client.openvidu.DropInClient");

  private final String label;
  private final String jarDirectory;
  private final String implementation;

  ClientKind(String label, String jarDirectory, String implementation) {
    this.label = label;
    this.jarDirectory = jarDirectory;
    this.implementation = implementation;
  }

  /** How tables name it. */
  public String label() {
    return label;
  }

  /** Whether the module's build lays its jars out (the baseline's are copied by hand). */
  boolean required() {
    return this != OURS_BASELINE;
  }

  /** The directory under {@code target/clients/} that holds its jars. */
  String jarDirectory() {
    return jarDirectory;
  }

  /** The {@code BackendClient} implementation, by name: the launcher must never load it itself. */
  String implementation() {
    return implementation;
  }
}
