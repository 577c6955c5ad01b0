package io.openvidu.examples.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.examples.Deployment;
import io.openvidu.examples.EmbeddedClusters;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SignalExampleTest {
  @RegisterExtension static OpenViduClusterExtension cluster = EmbeddedClusters.extension();

  @Test
  void theAnnouncementReachesEveryoneAndTheNoteOnlyItsRecipient() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SignalExample.Received received =
        SignalExample.run(
            Deployment.of(cluster.cluster()), new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(received.ana())
        .containsExactlyInAnyOrder(
            "announcement: the meeting ends in 5 minutes", "note: you present next");
    assertThat(received.ben()).containsExactly("announcement: the meeting ends in 5 minutes");
    assertThat(received.noteToLeaverRefused()).isTrue();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("note to ben refused: 406");
  }
}
