package io.openvidu.java.client.internal.transport;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} value: a number of seconds or an HTTP date (RFC 9110 §10.2.3).
 */
final class RetryAfter {

  private RetryAfter() {}

  /**
   * @return the wait in nanoseconds, at most {@code capNanos}; 0 for a date in the past; -1 when
   *     the value is absent or not understood
   */
  static long parseNanos(String value, Instant now, long capNanos) {
    if (value == null || value.trim().isEmpty()) {
      return -1;
    }
    String trimmed = value.trim();
    long nanos;
    if (trimmed.chars().allMatch(Character::isDigit)) {
      if (trimmed.length() > 9) {
        return capNanos;
      }
      nanos = Duration.ofSeconds(Long.parseLong(trimmed)).toNanos();
    } else {
      try {
        Instant when =
            ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        nanos = Math.max(0, Duration.between(now, when).toNanos());
      } catch (DateTimeParseException | ArithmeticException e) {
        return -1;
      }
    }
    return Math.min(nanos, capNanos);
  }
}
