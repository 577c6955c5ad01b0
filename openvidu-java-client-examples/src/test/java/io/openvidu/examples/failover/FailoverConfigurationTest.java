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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** One outage of master 2 while sessions are created and closed, read from several sides. */
class FailoverConfigurationTest {
  @RegisterExtension
  static OpenViduClusterExtension cluster = EmbeddedClusters.extension();

  private static final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private static Master second;
  private static int sessions;
  private static int sessionsLeftOpen;

  @BeforeAll
  static void createSessionsThroughAnOutageOfMasterTwo() throws Exception {
    Logger failoverLogger = (Logger) LoggerFactory.getLogger(FailoverLog.class);
    logged.start();
    failoverLogger.addAppender(logged);
    second = cluster.master(1);
    try (OpenVidu openVidu = FailoverConfiguration.client(cluster.urlList(), cluster.secret(), true,
        new FailoverLog())) {
      // The master is ejected for 1 s after its first failure: calls after that see it probed and back.
      sessions = FailoverConfiguration.createSessionsThroughAMasterOutage(openVidu, second,
          new FailoverConfiguration.OutagePlan(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(1500)));
      sessionsLeftOpen = openVidu.getActiveSessions().size();
    } finally {
      failoverLogger.detachAppender(logged);
      second.start();
    }
  }

  @Test
  void noCallFailsWhileAMasterIsDown() {
    assertThat(sessions).isPositive();
    assertThat(sessionsLeftOpen).isZero();
  }

  @Test
  void failoverLogWarnsOfTheDownMaster() {
    assertThat(lines(Level.WARN)).anyMatch(line -> line.contains("out of rotation") && line.contains(second.url()));
  }

  @Test
  void failoverLogTellsTheMastersReturn() {
    assertThat(lines(Level.INFO)).anyMatch(line -> line.contains("back in rotation") && line.contains(second.url()));
  }

  private static List<String> lines(Level level) {
    return logged.list.stream()
        .filter(event -> event.getLevel().equals(level))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
