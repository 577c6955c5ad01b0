package io.openvidu.java.client;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the official 2.20.0 client ({@code io.openvidu:openvidu-java-client}, copied with Apache
 * HttpClient into {@code target/official-client} by the build) next to ours: it shares our package,
 * so its classes, and the test classes that should call it, are loaded child-first from the
 * official jar and the test classes directory, never from our SDK. Everything else (Gson, Jackson,
 * SLF4J, JUnit) comes from the test class path, so values such as strings cross between the two.
 */
final class OfficialClientLoader extends URLClassLoader {

  private static final String OUR_PACKAGE = "io.openvidu.java.client.";

  private OfficialClientLoader(URL[] urls, ClassLoader parent) {
    super(urls, parent);
  }

  /**
   * @return a loader over the official jar, its HTTP client and the test classes
   * @throws IllegalStateException the build did not copy the official client
   */
  static OfficialClientLoader create() {
    String directory = System.getProperty("official.client.dir");
    File[] jars = directory == null ? null : new File(directory).listFiles();
    if (jars == null || jars.length == 0) {
      throw new IllegalStateException(
          "no official client in official.client.dir=" + directory + "; run through Maven");
    }
    List<URL> urls = new ArrayList<>();
    try {
      for (File jar : jars) {
        urls.add(jar.toURI().toURL());
      }
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    // After the official jar, so that a class both have (none should) is the official one.
    urls.add(OfficialClientLoader.class.getProtectionDomain().getCodeSource().getLocation());
    return new OfficialClientLoader(
        urls.toArray(new URL[0]), OfficialClientLoader.class.getClassLoader());
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.startsWith(OUR_PACKAGE) && !name.startsWith("org.apache.")) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = findClass(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }
}
