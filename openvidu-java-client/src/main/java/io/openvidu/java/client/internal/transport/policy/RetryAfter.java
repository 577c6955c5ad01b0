package io.openvidu.java.client.internal.transport.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;

/**
 * How long an answer's {@code Retry-After} keeps calls off its endpoint: a number of seconds or an
 * HTTP date (RFC 9110 §10.2.3), honoured on 503 and 429 only, capped at the call timeout (a wait
 * longer than any call may take cannot help a call).
 *
 * <p>An HTTP date needs the wall clock. It is read from the transport's {@link TimeSource}: the
 * wall-clock time when this object was made, advanced by the monotonic clock since, so that a test
 * clock moves dates as it moves everything else, and a wall clock stepped by NTP does not.
 * Immutable and thread-safe.
 */
public final class RetryAfter {

  private final TimeSource time;
  private final long capNanos;
  private final long wallMillisAtOrigin;
  private final long nanosAtOrigin;

  public RetryAfter(TimeSource time, long capNanos) {
    this.time = time;
    this.capNanos = capNanos;
    this.wallMillisAtOrigin = System.currentTimeMillis();
    this.nanosAtOrigin = time.nanoTime();
  }

  /**
   * @return how long the attempt's endpoint asks not to be called, in nanoseconds (0 for a date in
   *     the past); -1 when the result carries no {@code Retry-After} that applies or that is
   *     understood
   */
  public long waitNanos(AttemptResult result) {
    if (!result.isAnswered() || !RetryableStatus.honoursRetryAfter(result.status())) {
      return -1;
    }
    return parseNanos(result.retryAfter(), now(), capNanos);
  }

  private Instant now() {
    return Instant.ofEpochMilli(wallMillisAtOrigin).plusNanos(time.nanoTime() - nanosAtOrigin);
  }

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
      nanos = TimeUnit.SECONDS.toNanos(Long.parseLong(trimmed));
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
