package io.openvidu.ha.benchmarks.isolation;

import io.openvidu.ha.benchmarks.client.BackendClient;
import io.openvidu.ha.benchmarks.client.ClientSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Opens {@link BackendClient}s of each {@link ClientKind}, each kind's jars in an {@link
 * IsolatedClassLoader} of its own (one loader per jar set for the whole run, so that code compiled
 * in one section stays compiled in the next). The jar sets are the directories {@code ours}, {@code
 * official} and {@code raw-okhttp} that the module's build copies under {@code target/clients/}.
 *
 * <p>Thread-safe.
 */
public final class IsolatedClients implements AutoCloseable {
  private final Path clientsDirectory;
  private final Map<String, IsolatedClassLoader> loaders = new HashMap<>();

  /**
   * @param clientsDirectory the directory holding one sub-directory of jars per client
   * @throws IllegalStateException when a sub-directory is missing or holds no jar, with what to run
   *     to build it
   */
  public IsolatedClients(Path clientsDirectory) {
    this.clientsDirectory = clientsDirectory;
    for (ClientKind kind : ClientKind.values()) {
      if (kind.required()) {
        jars(kind);
      }
    }
  }

  /** Whether the jars of that kind are there (always, for the kinds the build lays out). */
  public boolean has(ClientKind kind) {
    Path directory = clientsDirectory.resolve(kind.jarDirectory());
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.anyMatch(file -> file.toString().endsWith(".jar"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  /** Opens a client of that kind on these settings; the caller closes it. */
  public BackendClient open(ClientKind kind, ClientSettings settings) {
    ClassLoader loader = loader(kind);
    try {
      Class<?> implementation = Class.forName(kind.implementation(), true, loader);
      return (BackendClient)
          implementation.getConstructor(ClientSettings.class).newInstance(settings);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot open the " + kind.label() + " client", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot open the " + kind.label() + " client", e);
    }
  }

  /**
   * Reads a public static field of a class as that kind's jars define it (a default of the SDK,
   * say), so that the launcher never copies a value that could drift.
   */
  public <T> T constant(ClientKind kind, String className, String field, Class<T> type) {
    try {
      return type.cast(Class.forName(className, true, loader(kind)).getField(field).get(null));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "cannot read " + className + "." + field + " of the " + kind.label() + " client", e);
    }
  }

  /** The jar files the kind runs on, by file name (for the report). */
  public List<String> jarNames(ClientKind kind) {
    return jars(kind).stream().map(jar -> jar.getFileName().toString()).sorted().toList();
  }

  private synchronized ClassLoader loader(ClientKind kind) {
    return loaders.computeIfAbsent(
        kind.jarDirectory(),
        directory -> {
          List<URL> urls = new ArrayList<>();
          for (Path jar : jars(kind)) {
            urls.add(toUrl(jar));
          }
          return new IsolatedClassLoader(
              "client-" + directory,
              urls.toArray(URL[]::new),
              IsolatedClients.class.getClassLoader());
        });
  }

  private List<Path> jars(ClientKind kind) {
    Path directory = clientsDirectory.resolve(kind.jarDirectory());
    List<Path> jars = List.of();
    if (Files.isDirectory(directory)) {
      try (Stream<Path> files = Files.list(directory)) {
        jars = files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + directory, e);
      }
    }
    if (jars.isEmpty()) {
      throw new IllegalStateException(
          "no client jars in "
              + directory
              + ": build the module first with "
              + "'mvn -B -q -pl benchmarks -am package -DskipTests' and run target/benchmarks.jar");
    }
    return jars;
  }

  private static URL toUrl(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a jar path: " + jar, e);
    }
  }

  @Override
  public synchronized void close() {
    for (IsolatedClassLoader loader : loaders.values()) {
      try {
        loader.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close a client class loader", e);
      }
    }
    loaders.clear();
  }
}
