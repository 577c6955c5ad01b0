package io.openvidu.examples.failover;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.openvidu.examples.Deployment;
import io.openvidu.examples.EmbeddedClusters;
import io.openvidu.ha.server.cluster.Master;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The example run once, an outage of master 2 while sessions are created and closed, read from
 * several sides.
 */
class FailoverConfigurationTest {
  @RegisterExtension static OpenViduClusterExtension cluster = EmbeddedClusters.extension();

  private static final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private static Master second;
  private static int sessions;
  private static String told;

  @BeforeAll
  static void runTheExample() throws Exception {
    Logger failoverLogger = (Logger) LoggerFactory.getLogger(FailoverLog.class);
    logged.start();
    failoverLogger.addAppender(logged);
    second = cluster.master(1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      // The master is ejected for 1 s after its first failure: calls after that see it probed and
      // back.
      sessions =
          FailoverConfiguration.run(
              Deployment.of(cluster.cluster()),
              new FailoverConfiguration.OutagePlan(
                  Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(1500)),
              new PrintStream(out, true, StandardCharsets.UTF_8));
    } finally {
      failoverLogger.detachAppender(logged);
      second.start();
    }
    told = out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noCallFailsWhileAMasterIsDown() {
    assertThat(sessions).isPositive();
    assertThat(told).contains(sessions + " sessions created and closed while " + second.url());
  }

  @Test
  void failoverLogWarnsOfTheDownMaster() {
    assertThat(lines(Level.WARN))
        .anyMatch(line -> line.contains("out of rotation") && line.contains(second.url()));
  }

  @Test
  void failoverLogTellsTheMastersReturn() {
    assertThat(lines(Level.INFO))
        .anyMatch(line -> line.contains("back in rotation") && line.contains(second.url()));
  }

  private static List<String> lines(Level level) {
    return logged.list.stream()
        .filter(event -> event.getLevel().equals(level))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
