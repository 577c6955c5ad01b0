package io.openvidu.examples.failover;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.openvidu.examples.EmbeddedClusters;
import io.openvidu.ha.server.cluster.Master;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.transport.OpenViduEventListener;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class FailoverConfigurationTest {
  @RegisterExtension
  static OpenViduClusterExtension cluster = EmbeddedClusters.extension();

  private final Logger failoverLogger = (Logger) LoggerFactory.getLogger(FailoverLog.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void captureFailoverLog() {
    logged.start();
    failoverLogger.addAppender(logged);
  }

  @AfterEach
  void releaseFailoverLog() {
    failoverLogger.detachAppender(logged);
  }

  @Test
  void noCallFailsWhileAMasterIsDown() throws Exception {
    Master second = cluster.master(1);
    try (OpenVidu openVidu = client(OpenViduEventListener.NONE)) {
      int sessions = FailoverConfiguration.createSessionsThroughAMasterOutage(openVidu, second,
          new FailoverConfiguration.OutagePlan(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(100)));

      assertThat(sessions).isPositive();
      assertThat(openVidu.getActiveSessions()).isEmpty();
    } finally {
      second.start();
    }
  }

  @Test
  void failoverLogWarnsOfTheDownMasterAndTellsItsReturn() throws Exception {
    Master second = cluster.master(1);
    try (OpenVidu openVidu = client(new FailoverLog())) {
      // The master is ejected for 1 s after its first failure: calls after that see it probed and back.
      FailoverConfiguration.createSessionsThroughAMasterOutage(openVidu, second,
          new FailoverConfiguration.OutagePlan(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(1500)));
    } finally {
      second.start();
    }

    assertThat(lines(Level.WARN)).anyMatch(line -> line.contains("out of rotation") && line.contains(second.url()));
    assertThat(lines(Level.INFO)).anyMatch(line -> line.contains("back in rotation") && line.contains(second.url()));
  }

  private OpenVidu client(OpenViduEventListener listener) {
    return FailoverConfiguration.client(cluster.urlList(), cluster.secret(), true, listener);
  }

  private List<String> lines(Level atLeast) {
    return logged.list.stream()
        .filter(event -> event.getLevel().isGreaterOrEqual(atLeast))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
