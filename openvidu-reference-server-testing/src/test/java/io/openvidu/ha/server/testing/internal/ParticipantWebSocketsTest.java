package io.openvidu.ha.server.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParticipantWebSocketsTest {

  @Test
  void aProgramThatStartedTheParticipantsClientExitsWhenItsMainReturns() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process program =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                StartsTheClientAndReturns.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();

    boolean exited = program.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      program.destroyForcibly();
    }

    assertThat(exited).as("the program exited after its main returned").isTrue();
    assertThat(program.exitValue()).isZero();
  }

  /** A program that uses participants' sockets and returns from main without closing anything. */
  static final class StartsTheClientAndReturns {
    public static void main(String[] args) {
      ParticipantWebSockets.client(null);
    }
  }
}
