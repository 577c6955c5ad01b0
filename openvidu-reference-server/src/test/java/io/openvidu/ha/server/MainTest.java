package io.openvidu.ha.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's options. */
class MainTest {

  @Test
  void helpDocumentsEveryOption() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out));

    int exitCode = commandLine.execute("--help");

    assertThat(exitCode).isZero();
    assertThat(out.toString())
        .contains(
            "--masters",
            "--port",
            "--secret",
            "--store",
            "--media-nodes",
            "--recordings-dir",
            "--recording-processing-ms",
            "--recording-container-launch-ms",
            "--recording-recorder-start-ms",
            "--public-url",
            "--trusted-proxies",
            "--[no-]recording-warm-up",
            "--sessions-garbage-interval",
            "--sessions-garbage-threshold",
            "--tls-cert",
            "--tls-key",
            "--tls-self-signed",
            "--help",
            "OPENVIDU_URLS=");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(new StringWriter()));

    assertThat(commandLine.execute("--no-such-option")).isEqualTo(2);
  }

  @Test
  void aTrustedProxyThatIsNotAnAddressIsAUsageErrorNamingIt() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err));

    assertThat(commandLine.execute("--trusted-proxies", "10.0.0.0/8,proxy.example")).isEqualTo(2);
    assertThat(err.toString()).contains("--trusted-proxies", "proxy.example");
  }

  @Test
  void negativeRecordingProcessingTimeIsAStartFailure() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err));

    assertThat(commandLine.execute("--port", "0", "--recording-processing-ms", "-1")).isEqualTo(1);
  }

  @Test
  void negativeRecordingLaunchTimeIsAStartFailure() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err));

    assertThat(commandLine.execute("--port", "0", "--recording-container-launch-ms", "-1"))
        .isEqualTo(1);
  }

  @Test
  void aTlsCertificateWithoutItsKeyIsRefused() {
    Main main = parsed("--tls-cert", "cert.pem");

    assertThatThrownBy(main::tlsSettings).hasMessageContaining("go together");
  }

  @Test
  void selfSignedTlsExcludesCertificateFiles() {
    Main main = parsed("--tls-self-signed", "--tls-cert", "c.pem", "--tls-key", "k.pem");

    assertThatThrownBy(main::tlsSettings).hasMessageContaining("excludes");
  }

  @Test
  void tlsOptionsBecomeTheirSettings() {
    assertThat(parsed("--tls-self-signed").tlsSettings())
        .hasValueSatisfying(tls -> assertThat(tls.isSelfSigned()).isTrue());
    assertThat(parsed("--tls-cert", "c.pem", "--tls-key", "k.pem").tlsSettings())
        .hasValueSatisfying(tls -> assertThat(tls.isSelfSigned()).isFalse());
    assertThat(parsed().tlsSettings()).isEmpty();
  }

  private static Main parsed(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.parseArgs(args);
    return commandLine.getCommand();
  }

  @Test
  void negativeSessionsGarbageIntervalIsAStartFailure() {
    assertThat(Main.commandLine().execute("--port", "0", "--sessions-garbage-interval", "-1"))
        .isEqualTo(1);
  }

  @Test
  void unreachableRedisIsAStartFailure() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err));

    // No wait for the store to come: the default, 30 s, would be waited out in full.
    assertThat(
            commandLine.execute(
                "--port", "0", "--store", "redis://127.0.0.1:1", "--store-wait-seconds", "0"))
        .isEqualTo(1);
  }
}
