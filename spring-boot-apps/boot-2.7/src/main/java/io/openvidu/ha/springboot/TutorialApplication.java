package io.openvidu.ha.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A tutorial-style backend on Spring Boot 2.7 whose {@code OpenVidu} is a subclass of its own, a
 * {@link OpenViduService}; the controllers of {@code ../shared} get it as their {@code OpenVidu}.
 */
@SpringBootApplication
public class TutorialApplication {

  public static void main(String[] args) {
    SpringApplication.run(TutorialApplication.class, args);
  }
}
