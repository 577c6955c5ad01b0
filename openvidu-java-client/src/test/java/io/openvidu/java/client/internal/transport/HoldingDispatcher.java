package io.openvidu.java.client.internal.transport;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A mock master that hangs on the requests a test chooses, over its real socket, until the test
 * lets it answer: the request is read, then nothing comes back. Other requests are answered {@code
 * 200 {}} at once. Closing the server releases whatever it still holds. Thread-safe.
 */
final class HoldingDispatcher extends Dispatcher {

  private final Predicate<RecordedRequest> held;
  private final CountDownLatch released = new CountDownLatch(1);
  private final BlockingQueue<RecordedRequest> received = new LinkedBlockingQueue<>();

  /** Holds every request. */
  HoldingDispatcher() {
    this(request -> true);
  }

  HoldingDispatcher(Predicate<RecordedRequest> held) {
    this.held = held;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    received.add(request);
    if (held.test(request)) {
      released.await(30, TimeUnit.SECONDS);
      return Responses.ok("{\"late\":true}");
    }
    return Responses.ok("{}");
  }

  /** The next request the server read (held or not), waiting up to five seconds for it. */
  RecordedRequest awaitRequest() throws InterruptedException {
    RecordedRequest request = received.poll(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no request arrived within five seconds");
    }
    return request;
  }

  /** Answers every held request, and from now on every request at once. */
  void release() {
    released.countDown();
  }

  @Override
  public void close() {
    release();
  }
}
