package io.openvidu.ha.benchmarks;

/** The few sentences under each section's heading that say what its numbers mean. */
final class SectionNotes {
  static final String THROUGHPUT =
      """
      Each caller thread repeats the mix `createSession()`, `session.createConnection()`, `session.fetch()`, \
      `session.close()` as fast as it can (closed loop) against one master of an embedded cluster (in-memory \
      store, same JVM, fresh per thread count). "calls/s" counts successful calls of the four kinds. Ours and the \
      official client run the same workload class file; ours is built as the official one is, `new OpenVidu(url, \
      secret)`, every default kept. Raw OkHttp sends byte-for-byte the same requests as ours without parsing the \
      answers. The official client sends no `Idempotency-Key`, so the server does a little less work for it.

      """;

  static final String ALLOCATION =
      """
      Bytes allocated on the calling thread per call (JVM per-thread allocation counter around each call, one \
      thread, after a warm-up), everything the client does for the call: building the request, HTTP, reading and \
      parsing the answer. The in-process server's allocations are on its own threads and not counted. Then the CPU \
      time of the same counted calls, per call: of the calling thread, and of the whole process (the in-process \
      server, which does the same work for every client, and helper threads such as timeout watchdogs included). \
      CPU time hardly depends on the machine's other load, which calls per second do.

      """;

  static final String FAILOVER =
      """
      A fresh 3-master cluster (in-memory store, same JVM) per row. Ours is given the three masters (defaults, \
      plus a listener that reports failed attempts); the official client takes one URL and is given the master \
      that dies: the anchor, a backend with no failover of its own. A call "met the faulty master" when it failed, \
      one of its attempts failed, it was still blocked at the end, or (official client) it was made after the \
      fault. "extra ms" is its latency minus the median latency of the same call before the fault. "slowed until" \
      is when the last call that met the faulty master ended, counted from the fault. A `createConnection` whose \
      attempt timed out on a hung master fails by design: its outcome is unknown and repeating it could create a \
      second connection (the SDK repeats such POSTs only with `RetryPolicy.trustIdempotencyKeys`).

      """;

  static final String CLUSTER =
      """
      Each shape runs in server processes of its own (`io.openvidu.ha.server.Main`, `-Xmx512m`) on this machine, \
      next to the load generator: on a 2-core machine more masters cannot mean more CPU, so these numbers show the \
      cost of sharing state (memory vs Redis), not horizontal scaling.

      """;

  private SectionNotes() {}
}
