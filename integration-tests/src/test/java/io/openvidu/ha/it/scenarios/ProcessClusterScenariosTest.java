package io.openvidu.ha.it.scenarios;

import io.openvidu.ha.it.processes.ProcessCluster;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API scenarios through our SDK, given all three masters of a cluster of three master processes
 * sharing a real Redis: what one process wrote, the others read.
 */
@ForClient(ClientUnderTest.OURS)
class ProcessClusterScenariosTest extends ApiScenarios {
  @RegisterExtension static final ProcessCluster CLUSTER = new ProcessCluster(3, 2);

  @Override
  protected List<String> masterUrls() {
    return CLUSTER.urlList();
  }

  @Override
  protected String secret() {
    return CLUSTER.secret();
  }
}
