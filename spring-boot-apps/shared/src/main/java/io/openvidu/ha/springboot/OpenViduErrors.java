package io.openvidu.ha.springboot;

import com.google.gson.JsonObject;
import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduJavaClientException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What the page shows when OpenVidu refused: the tutorials send the exception's message, which the
 * official client makes the HTTP status alone ({@code "404"}).
 */
@RestControllerAdvice
public class OpenViduErrors {

  @ExceptionHandler(OpenViduHttpException.class)
  public ResponseEntity<JsonObject> refused(OpenViduHttpException e) {
    JsonObject error = new JsonObject();
    error.addProperty("message", e.getMessage());
    error.addProperty("status", e.getStatus());
    return new ResponseEntity<>(error, HttpStatus.BAD_REQUEST);
  }

  @ExceptionHandler(OpenViduJavaClientException.class)
  public ResponseEntity<JsonObject> unreachable(OpenViduJavaClientException e) {
    JsonObject error = new JsonObject();
    error.addProperty("message", e.getMessage());
    return new ResponseEntity<>(error, HttpStatus.BAD_GATEWAY);
  }
}
