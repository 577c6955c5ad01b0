package io.openvidu.java.client.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.java.client.internal.transport.http.AttemptDeadlines;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Attempt deadlines cancel the attempt's call once passed, including after the deadline thread went
 * to sleep; delayed actions run once due unless called off.
 */
@Timeout(10)
class AttemptDeadlinesTest {

  private static final long SHORT = TimeUnit.MILLISECONDS.toNanos(100);

  private final OkHttpClient client =
      new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS).build();
  private final SilentServer silent;
  private final AttemptDeadlines deadlines = new AttemptDeadlines(0);

  AttemptDeadlinesTest() throws IOException {
    silent = new SilentServer();
  }

  @AfterEach
  void close() throws IOException {
    silent.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  @Test
  void callToAServerThatNeverAnswersIsCancelledAtItsDeadline() {
    Call call = client.newCall(new Request.Builder().url(silent.url()).build());

    try (AttemptDeadlines.Deadline deadline = deadlines.start(call, SHORT)) {
      assertThatThrownBy(call::execute).isInstanceOf(IOException.class);
      assertThat(deadline.expired()).isTrue();
      assertThat(call.isCanceled()).isTrue();
    }
  }

  @Test
  void attemptStartedWhileTheThreadSleepsWakesIt() throws Exception {
    awaitAsleep();
    Call call = client.newCall(new Request.Builder().url(silent.url()).build());

    try (AttemptDeadlines.Deadline deadline = deadlines.start(call, SHORT)) {
      assertThatThrownBy(call::execute).isInstanceOf(IOException.class);
      assertThat(deadline.expired()).isTrue();
    }
  }

  @Test
  void attemptOverBeforeItsDeadlineIsNotCancelled() throws Exception {
    Call call = client.newCall(new Request.Builder().url(silent.url()).build());
    AttemptDeadlines.Deadline deadline = deadlines.start(call, SHORT);

    deadline.close();
    Thread.sleep(
        3 * TimeUnit.NANOSECONDS.toMillis(SHORT)); // well past the deadline, ticks included

    assertThat(deadline.expired()).isFalse();
    assertThat(call.isCanceled()).isFalse();
  }

  @Test
  void scheduledActionRunsAfterItsDelayEvenWhenTheThreadSlept() throws Exception {
    awaitAsleep();
    CountDownLatch ran = new CountDownLatch(1);

    deadlines.schedule(ran::countDown, SHORT);

    assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void scheduledActionCalledOffBeforeItsDelayNeverRuns() throws Exception {
    AtomicBoolean ran = new AtomicBoolean();
    AttemptDeadlines.Deadline scheduled = deadlines.schedule(() -> ran.set(true), SHORT);

    scheduled.close();
    Thread.sleep(3 * TimeUnit.NANOSECONDS.toMillis(SHORT)); // well past the delay, ticks included

    assertThat(ran).isFalse();
  }

  @Test
  void failingActionDoesNotStopTheDeadlineThread() throws Exception {
    deadlines.schedule(
        () -> {
          throw new IllegalStateException("a broken action");
        },
        1);
    Call call = client.newCall(new Request.Builder().url(silent.url()).build());

    try (AttemptDeadlines.Deadline deadline = deadlines.start(call, SHORT)) {
      assertThatThrownBy(call::execute).isInstanceOf(IOException.class);
      assertThat(deadline.expired()).isTrue();
    }
  }

  private void awaitAsleep() throws InterruptedException {
    while (!deadlines.asleep()) {
      Thread.sleep(5);
    }
  }
}
