package io.openvidu.ha.springboot;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The Spring Boot 3 application ({@code ../boot-3}): an {@code OpenVidu} bean. */
class SpringBoot3AppTest extends TutorialAppContract {

  @RegisterExtension
  static final TutorialAppExtension APP =
      TutorialAppExtension.of("boot-3", TutorialPage.recordingCycle("COMPOSED", page -> {}));

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
    return "2.19.2";
  }

  @Override
  String springBootsGson() {
    return "2.13.2";
  }
}
