package io.openvidu.ha.it.scenarios;

import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API scenarios through the official {@code io.openvidu:openvidu-java-client:2.20.0}, given one
 * master of a 3-master cluster (it knows no failover); other backends and participants still use
 * the other masters. Runs only in this module's {@code official-client} surefire execution, whose
 * class path holds the official jar instead of our SDK. Where the official client's view differs
 * from ours, the difference is listed in this module's README.
 */
@ForClient(ClientUnderTest.OFFICIAL)
class OfficialClientScenariosTest extends ApiScenarios {
  @RegisterExtension static final OpenViduClusterExtension CLUSTER = InJvmCluster.extension();

  @Override
  protected List<String> masterUrls() {
    return CLUSTER.urlList();
  }

  @Override
  protected String secret() {
    return CLUSTER.secret();
  }

  @Override
  protected String clientUrls() {
    return masterUrls().get(0);
  }
}
