package io.openvidu.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {
  @Test
  void noArgumentsGiveTheDefaults() {
    assertThat(DemoOptions.parse()).isEqualTo(DemoOptions.DEFAULTS);
  }

  @Test
  void durationTakesMillisecondsSecondsAndMinutes() {
    assertThat(DemoOptions.parse("--duration", "2500ms").duration())
        .isEqualTo(Duration.ofMillis(2500));
    assertThat(DemoOptions.parse("--duration", "30s").duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(DemoOptions.parse("--duration", "2m").duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(DemoOptions.parse("--duration", "7").duration()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void workersAndOutputAreRead() {
    DemoOptions options = DemoOptions.parse("--workers", "8", "--output", "out/rec");

    assertThat(options.workers()).isEqualTo(8);
    assertThat(options.output()).isEqualTo(Path.of("out/rec"));
  }

  @Test
  void durationTooShortForTheOutageIsRefused() {
    assertThatThrownBy(() -> DemoOptions.parse("--duration", "1s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2s");
  }

  @Test
  void malformedDurationIsRefusedWithAnExample() {
    assertThatThrownBy(() -> DemoOptions.parse("--duration", "soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("15s")
        .hasMessageContaining("soon");
  }

  @Test
  void workersOutOfRangeAreRefused() {
    assertThatThrownBy(() -> DemoOptions.parse("--workers", "0"))
        .hasMessageContaining("between 1 and 64");
    assertThatThrownBy(() -> DemoOptions.parse("--workers", "many"))
        .hasMessageContaining("whole number");
  }

  @Test
  void unknownOrIncompleteArgumentsAreRefused() {
    assertThatThrownBy(() -> DemoOptions.parse("--fast"))
        .hasMessageContaining("unknown argument '--fast'");
    assertThatThrownBy(() -> DemoOptions.parse("--workers"))
        .hasMessageContaining("--workers needs a value");
  }
}
