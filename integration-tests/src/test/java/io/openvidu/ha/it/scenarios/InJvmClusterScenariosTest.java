package io.openvidu.ha.it.scenarios;

import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API scenarios through our SDK, given all three masters of a cluster running in this JVM
 * (memory store).
 */
@ForClient(ClientUnderTest.OURS)
class InJvmClusterScenariosTest extends ApiScenarios {
  @RegisterExtension static final OpenViduClusterExtension CLUSTER = InJvmCluster.extension();

  @Override
  protected List<String> masterUrls() {
    return CLUSTER.urlList();
  }

  @Override
  protected String secret() {
    return CLUSTER.secret();
  }
}
