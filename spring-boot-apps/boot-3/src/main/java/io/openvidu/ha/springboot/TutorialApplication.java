package io.openvidu.ha.springboot;

import io.openvidu.java.client.OpenVidu;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A tutorial-style backend on Spring Boot 3: one {@link OpenVidu} bean for the whole application,
 * the controllers of {@code ../shared}.
 */
@SpringBootApplication
public class TutorialApplication {

  @Bean
  public OpenVidu openVidu(
      @Value("${openvidu.url}") String url, @Value("${openvidu.secret}") String secret) {
    return new OpenVidu(url, secret);
  }

  public static void main(String[] args) {
    SpringApplication.run(TutorialApplication.class, args);
  }
}
