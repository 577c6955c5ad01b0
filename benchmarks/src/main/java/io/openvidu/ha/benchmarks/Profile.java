package io.openvidu.ha.benchmarks;

import io.openvidu.ha.benchmarks.allocation.AllocationBenchmark;
import io.openvidu.ha.benchmarks.cluster.ClusterBenchmark;
import io.openvidu.ha.benchmarks.failover.FailoverBenchmark;
import io.openvidu.ha.benchmarks.throughput.ThroughputBenchmark;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long each section measures. {@link #FULL} takes four to five minutes on two busy cores;
 * {@link #QUICK} one and a half to two and a half, with fewer windows and shorter warm-ups (its
 * numbers are noisier; our SDK meets the hung master with a 2 s attempt timeout only, not its 10 s
 * default, and never trusts idempotency keys).
 */
enum Profile {
  FULL(
      new ThroughputBenchmark.Settings(
          List.of(1, 16, 64),
          Duration.ofSeconds(9),
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          10),
      new AllocationBenchmark.Settings(2000, 2000),
      new FailoverBenchmark.Settings(
          8,
          Duration.ofMillis(100),
          Duration.ofSeconds(3),
          Duration.ofSeconds(6),
          Duration.ofSeconds(4),
          List.of(Optional.empty(), Optional.of(Duration.ofSeconds(2))),
          true),
      new ClusterBenchmark.Settings(32, Duration.ofSeconds(3), Duration.ofSeconds(5))),
  QUICK(
      new ThroughputBenchmark.Settings(
          List.of(1, 16, 64),
          Duration.ofSeconds(3),
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          2),
      new AllocationBenchmark.Settings(500, 500),
      new FailoverBenchmark.Settings(
          8,
          Duration.ofMillis(100),
          Duration.ofSeconds(2),
          Duration.ofSeconds(3),
          Duration.ofSeconds(2),
          List.of(Optional.of(Duration.ofSeconds(2))),
          false),
      new ClusterBenchmark.Settings(32, Duration.ofSeconds(1), Duration.ofSeconds(3)));

  final ThroughputBenchmark.Settings throughput;
  final AllocationBenchmark.Settings allocation;
  final FailoverBenchmark.Settings failover;
  final ClusterBenchmark.Settings cluster;

  Profile(
      ThroughputBenchmark.Settings throughput,
      AllocationBenchmark.Settings allocation,
      FailoverBenchmark.Settings failover,
      ClusterBenchmark.Settings cluster) {
    this.throughput = throughput;
    this.allocation = allocation;
    this.failover = failover;
    this.cluster = cluster;
  }
}
