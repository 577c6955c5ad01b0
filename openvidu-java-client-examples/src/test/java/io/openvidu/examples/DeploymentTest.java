package io.openvidu.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.ha.server.cluster.Master;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentTest {
  @Test
  void urlsFromTheEnvironmentAreSplitOnCommas() {
    try (Deployment deployment =
        Deployment.fromEnvironment(
            Map.of(
                "OPENVIDU_URL", " https://m1.example.com:4443, https://m2.example.com:4443,",
                "OPENVIDU_SECRET", "s3cret"))) {
      assertThat(deployment.urls())
          .containsExactly("https://m1.example.com:4443", "https://m2.example.com:4443");
      assertThat(deployment.secret()).isEqualTo("s3cret");
      assertThat(deployment.cluster()).isEmpty();
    }
  }

  @Test
  void realDeploymentIsNotTrustedToHonourIdempotencyKeys() {
    try (Deployment deployment =
        Deployment.fromEnvironment(
            Map.of("OPENVIDU_URL", "https://openvidu.example.com", "OPENVIDU_SECRET", "s3cret"))) {
      assertThat(deployment.honoursIdempotencyKeys()).isFalse();
    }
  }

  @Test
  void urlWithoutSecretIsRefusedNamingBothVariables() {
    assertThatThrownBy(
            () ->
                Deployment.fromEnvironment(Map.of("OPENVIDU_URL", "https://openvidu.example.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OPENVIDU_URL")
        .hasMessageContaining("OPENVIDU_SECRET");
  }

  @Test
  void toStringDoesNotShowTheSecret() {
    try (Deployment deployment =
        Deployment.fromEnvironment(
            Map.of("OPENVIDU_URL", "https://openvidu.example.com", "OPENVIDU_SECRET", "s3cret"))) {
      assertThat(deployment.toString()).contains("openvidu.example.com").doesNotContain("s3cret");
    }
  }

  @Test
  void withoutUrlAnEmbeddedClusterRunsUntilClosed() {
    OpenViduCluster cluster;
    try (Deployment deployment = Deployment.fromEnvironment(Map.of())) {
      cluster = deployment.cluster().orElseThrow();
      assertThat(cluster.masters())
          .hasSize(Deployment.EMBEDDED_MASTERS)
          .allMatch(Master::isRunning);
      assertThat(deployment.urls()).isEqualTo(cluster.urlList());
      assertThat(deployment.honoursIdempotencyKeys()).isTrue();

      Deployment.of(cluster).close();
      assertThat(cluster.masters()).allMatch(Master::isRunning);
    }
    assertThat(cluster.masters()).noneMatch(Master::isRunning);
  }
}
