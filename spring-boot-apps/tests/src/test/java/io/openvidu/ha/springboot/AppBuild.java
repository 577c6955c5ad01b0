package io.openvidu.ha.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the build made of one application module ({@code ../boot-2.1} ...): its classes and the
 * class path Maven resolved for it under its Spring Boot's dependency management ({@code
 * target/app.classpath}), and the same with the official 2.20.0 client in place of our SDK.
 */
final class AppBuild {

  private static final String OUR_JAR_PREFIX = "openvidu-java-client-";

  private final String module;
  private final Path classes;
  private final List<Path> dependencies;

  private AppBuild(String module, Path classes, List<Path> dependencies) {
    this.module = module;
    this.classes = classes;
    this.dependencies = dependencies;
  }

  /**
   * @param module the application's directory beside this module, e.g. {@code boot-2.1}
   * @throws IllegalStateException the build has not packaged it (run through Maven's verify)
   */
  static AppBuild of(String module) {
    Path root = Paths.get(System.getProperty("apps.dir", "..")).resolve(module).toAbsolutePath();
    Path classPathFile = root.resolve("target/app.classpath");
    if (!Files.isRegularFile(classPathFile)) {
      throw new IllegalStateException(
          classPathFile + " is missing: the application's module writes it at package");
    }
    List<Path> dependencies = new ArrayList<>();
    try {
      String classPath = new String(Files.readAllBytes(classPathFile), StandardCharsets.UTF_8);
      for (String entry : classPath.trim().split(java.io.File.pathSeparator)) {
        dependencies.add(Paths.get(entry));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AppBuild(module, root.resolve("target/classes"), dependencies);
  }

  String module() {
    return module;
  }

  /** The application with our SDK: as the module's pom resolves it. */
  List<Path> withOurClient() {
    List<Path> classPath = new ArrayList<>();
    classPath.add(classes);
    classPath.addAll(dependencies);
    return classPath;
  }

  /**
   * The same application and dependencies with the official client, its Apache HttpClient beside
   * it, in place of our SDK (Gson stays: the application's Spring Boot manages its version).
   */
  List<Path> withOfficialClient() {
    List<Path> classPath = new ArrayList<>();
    classPath.add(classes);
    for (Path dependency : dependencies) {
      if (!dependency.getFileName().toString().startsWith(OUR_JAR_PREFIX)) {
        classPath.add(dependency);
      }
    }
    Path official = Paths.get(System.getProperty("official.client.dir", "target/official-client"));
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(official, "*.jar")) {
      jars.forEach(classPath::add);
    } catch (IOException e) {
      throw new UncheckedIOException("no official client in " + official, e);
    }
    return classPath;
  }

  /** The jar of ours the application runs on. */
  Path ourJar() {
    return dependency(OUR_JAR_PREFIX)
        .orElseThrow(() -> new IllegalStateException(module + " has no " + OUR_JAR_PREFIX + "jar"));
  }

  /** The jar of the class path whose file name starts with {@code prefix}, e.g. "gson-". */
  Optional<Path> dependency(String prefix) {
    return dependencies.stream()
        .filter(path -> path.getFileName().toString().startsWith(prefix))
        .findFirst();
  }
}
