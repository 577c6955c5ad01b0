package io.openvidu.ha.benchmarks.load;

/**
 * One call the load made, as the caller saw it. Times are {@link System#nanoTime()} values.
 *
 * @param operation which call
 * @param start when it was made
 * @param end when it returned or threw; for an unfinished call, when the load stopped waiting for
 *     it
 * @param failed whether it threw
 * @param failedAttempts how many of its attempts failed before its outcome, as far as the client
 *     reports them
 * @param unfinished whether it was still waiting for an answer when the load stopped waiting for it
 */
public record Call(
    Operation operation,
    long start,
    long end,
    boolean failed,
    int failedAttempts,
    boolean unfinished) {

  /** How long the caller waited. */
  public long latency() {
    return end - start;
  }
}
