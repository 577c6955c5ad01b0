package io.openvidu.ha.benchmarks.isolation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * A class loader that sees the JDK, one set of client jars, its own copy of the workload classes,
 * and, from the launcher, only the few types they share with it. Our SDK and the official client
 * both define {@code io.openvidu.java.client}: each lives in a loader of this kind, so both run in
 * one JVM, side by side.
 *
 * <ul>
 *   <li>Shared with the launcher (so that both sides mean the same type): the classes of the
 *       package {@value #SHARED_PACKAGE} itself ({@code BackendClient}, {@code ClientSettings}),
 *       and SLF4J's API, so that every client logs through the launcher's single logging
 *       configuration.
 *   <li>Copied from the launcher's class path and defined here: the classes of the sub-packages of
 *       {@value #SHARED_PACKAGE} (the workload implementations). Defined here, they link against
 *       this loader's {@code io.openvidu.java.client}: the same class file runs on our SDK and on
 *       the official client.
 *   <li>Everything else: the JDK (the platform class loader), then the jars. Nothing of the
 *       launcher's class path (the reference cluster, its Jackson and Kotlin) can leak in.
 * </ul>
 *
 * <p>Thread-safe, as class loaders are.
 */
final class IsolatedClassLoader extends URLClassLoader {
  static final String SHARED_PACKAGE = "io.openvidu.ha.benchmarks.client";
  private static final List<String> SHARED_PREFIXES = List.of("org.slf4j.");

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader launcher;

  IsolatedClassLoader(String name, URL[] jars, ClassLoader launcher) {
    super(name, jars, ClassLoader.getPlatformClassLoader());
    this.launcher = launcher;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (isShared(name)) {
      return launcher.loadClass(name);
    }
    if (isWorkload(name)) {
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = defineCopy(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
    return super.loadClass(name, resolve);
  }

  static boolean isShared(String name) {
    if (SHARED_PREFIXES.stream().anyMatch(name::startsWith)) {
      return true;
    }
    return name.startsWith(SHARED_PACKAGE + ".")
        && name.indexOf('.', SHARED_PACKAGE.length() + 1) < 0;
  }

  static boolean isWorkload(String name) {
    return name.startsWith(SHARED_PACKAGE + ".") && !isShared(name);
  }

  private Class<?> defineCopy(String name) throws ClassNotFoundException {
    String resource = name.replace('.', '/') + ".class";
    try (InputStream in = launcher.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
