package io.openvidu.ha.benchmarks.allocation;

import io.openvidu.ha.benchmarks.load.Operation;
import java.util.Map;

/**
 * What one client spent per call in {@link AllocationBenchmark}.
 *
 * @param bytesPerCall bytes allocated on the calling thread, per operation
 * @param threadCpuMicros CPU time of the calling thread per call, mean of the mix
 * @param processCpuMicros CPU time of the whole process per call, mean of the mix: the in-process
 *     server's and every helper thread's included
 */
record CallCost(
    Map<Operation, Double> bytesPerCall, double threadCpuMicros, double processCpuMicros) {
  CallCost {
    bytesPerCall = Map.copyOf(bytesPerCall);
  }
}
