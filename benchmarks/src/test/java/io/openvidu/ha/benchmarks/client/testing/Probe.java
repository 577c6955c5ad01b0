package io.openvidu.ha.benchmarks.client.testing;

/**
 * A class in a sub-package of the shared client package: isolated loaders define their own copy of
 * it.
 */
public final class Probe {
  public static final Object IDENTITY = new Object();
}
