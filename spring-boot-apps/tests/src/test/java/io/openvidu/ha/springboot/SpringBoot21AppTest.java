package io.openvidu.ha.springboot;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The Spring Boot 2.1 application ({@code ../boot-2.1}): an {@code OpenVidu} bean. */
class SpringBoot21AppTest extends TutorialAppContract {

  @RegisterExtension
  static final TutorialAppExtension APP =
      TutorialAppExtension.of("boot-2.1", TutorialPage.recordingCycle("COMPOSED", page -> {}));

  @Override
  TutorialAppExtension app() {
    return APP;
  }

  @Override
  String outputMode() {
    return "COMPOSED";
  }

  @Override
  String springBootsJackson() {
    return "2.9.10.6";
  }

  @Override
  String springBootsGson() {
    return "2.8.6";
  }
}
