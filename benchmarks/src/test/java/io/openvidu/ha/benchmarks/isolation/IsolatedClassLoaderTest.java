package io.openvidu.ha.benchmarks.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.ha.benchmarks.client.BackendClient;
import io.openvidu.ha.benchmarks.client.testing.Probe;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IsolatedClassLoaderTest {
  private final IsolatedClassLoader loader =
      new IsolatedClassLoader("test", new URL[0], IsolatedClassLoaderTest.class.getClassLoader());

  @AfterEach
  void close() throws Exception {
    loader.close();
  }

  @Test
  void theSharedInterfaceIsTheLaunchersOwn() throws Exception {
    assertThat(loader.loadClass(BackendClient.class.getName())).isSameAs(BackendClient.class);
  }

  @Test
  void slf4jIsTheLaunchersOwn() throws Exception {
    assertThat(loader.loadClass("org.slf4j.LoggerFactory")).isSameAs(org.slf4j.LoggerFactory.class);
  }

  @Test
  void workloadClassesAreDefinedAgainInTheLoader() throws Exception {
    Class<?> copy = loader.loadClass(Probe.class.getName());

    assertThat(copy).isNotSameAs(Probe.class);
    assertThat(copy.getClassLoader()).isSameAs(loader);
    assertThat(loader.loadClass(Probe.class.getName())).isSameAs(copy);
  }

  @Test
  void nothingElseOfTheLaunchersClassPathIsVisible() {
    assertThatThrownBy(() -> loader.loadClass("io.openvidu.ha.server.cluster.OpenViduCluster"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> loader.loadClass(IsolatedClients.class.getName()))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void theJdkIsVisible() throws Exception {
    assertThat(loader.loadClass("java.net.http.HttpClient"))
        .isSameAs(java.net.http.HttpClient.class);
  }
}
