package io.openvidu.ha.benchmarks.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine a run measured on, as far as the JVM and Linux's {@code /proc} tell: what a reader
 * needs to judge the numbers. Immutable.
 *
 * @param name a short name for the results file (the host name unless given)
 * @param cpu the processor model
 * @param cpus logical processors available to the JVM
 * @param memoryGiB physical memory
 * @param os operating system and version
 * @param jvm the JVM's name and version
 * @param maxHeapMiB the JVM's maximum heap
 */
public record Machine(
    String name, String cpu, int cpus, double memoryGiB, String os, String jvm, long maxHeapMiB) {

  /** Describes this machine; {@code name} overrides the host name. */
  public static Machine describe(Optional<String> name) {
    com.sun.management.OperatingSystemMXBean system =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Machine(
        name.orElseGet(Machine::hostName),
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        system.getTotalMemorySize() / (1024.0 * 1024 * 1024),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  /** The 1-, 5- and 15-minute load averages ({@code /proc/loadavg}), or "unknown". */
  public static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** One line for the report. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%s: %s, %d logical CPUs, %.1f GiB RAM; %s; %s, max heap %d MiB",
        name,
        cpu,
        cpus,
        memoryGiB,
        os,
        jvm,
        maxHeapMiB);
  }

  /** The name, reduced to what is safe in a file name. */
  public String fileName() {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse(System.getProperty("os.arch"));
    } catch (IOException e) {
      return System.getProperty("os.arch");
    }
  }
}
