package io.openvidu.examples.demo;

import io.openvidu.examples.Deployment;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The README's first command: the client against a 3-master cluster for 15 seconds. Backend traffic
 * creates sessions and connections without pause; simulated participants join two meetings through
 * different masters; one meeting is recorded INDIVIDUAL and the other COMPOSED; master 1 is killed
 * in the middle and started again. A progress line every second, then a summary; the process exits
 * with 1 unless nothing failed and both recordings were downloaded.
 *
 * <pre>
 * mvn -B -q -Pdemo -pl openvidu-java-client-examples -am compile [-Ddemo.args="--duration 30s --workers 8"]
 * </pre>
 *
 * <p>With {@code OPENVIDU_URL} and {@code OPENVIDU_SECRET} set, it runs against that deployment
 * instead and kills nothing.
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) throws InterruptedException {
    DemoOptions options;
    Deployment deployment;
    try {
      options = DemoOptions.parse(args);
      long starting = System.nanoTime();
      deployment = Deployment.fromEnvironment();
      if (deployment.cluster().isPresent()) {
        System.out.printf(
            Locale.ROOT,
            "Embedded cluster started in %.1f s%n",
            (System.nanoTime() - starting) / 1e9);
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(DemoOptions.USAGE);
      System.exit(2);
      return;
    }
    DemoSummary summary;
    try (deployment) {
      summary = run(deployment, options, System.out);
    }
    System.exit(summary.passed() ? 0 : 1);
  }

  /**
   * Runs the demo against {@code deployment}, telling the story on {@code out}, and returns its
   * summary.
   */
  public static DemoSummary run(Deployment deployment, DemoOptions options, PrintStream out)
      throws InterruptedException {
    DemoSummary summary = new DemoRun(deployment, options, out).run();
    out.println(summary.table());
    return summary;
  }
}
