package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.Responses.dropAfterRequest;
import static io.openvidu.java.client.internal.transport.Responses.ok;
import static io.openvidu.java.client.internal.transport.Responses.status;
import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.RetryPolicy;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The retry table of the design, row by row: what happened to the first attempt decides whether the
 * call moves to the next endpoint. Every scenario has two endpoints; the first fails in the row's
 * way, the second answers 200.
 */
class RetryTableTest {

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  static Stream<ApiRequest> everyMethod() {
    return Stream.of(Responses.get(), Responses.patch(), Responses.delete(), Responses.post());
  }

  static Stream<ApiRequest> getPatchPutDelete() {
    return Stream.of(Responses.get(), Responses.patch(), Responses.put(), Responses.delete());
  }

  static Stream<Arguments> retryableStatusesForGetPatchPutDelete() {
    return Stream.of(502, 503, 504, 429)
        .flatMap(code -> getPatchPutDelete().map(request -> Arguments.of(code, request)));
  }

  static Stream<Integer> retryableStatuses() {
    return Stream.of(502, 503, 504, 429);
  }

  static Stream<Arguments> finalStatusesForEveryMethod() {
    return Stream.of(400, 401, 403, 404, 409, 500, 501)
        .flatMap(
            code ->
                Stream.concat(everyMethod(), Stream.of(Responses.repeatablePost()))
                    .map(request -> Arguments.of(code, request)));
  }

  // Row 1: could not connect.

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyMethod")
  void aCallThatCouldNotConnectMovesToTheNextEndpoint(ApiRequest request) throws Exception {
    MockWebServer second = fixture.server(ok("{}"));

    ApiResponse response = fixture.transport(fixture.closedPort(), base(second)).execute(request);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.attempts()).isEqualTo(2);
    assertThat(response.earlierAttemptMayHaveTakenEffect()).isFalse();
    assertThat(fixture.listener().failures())
        .extracting(AttemptFailure::kind)
        .containsExactly(AttemptFailure.Kind.NOT_SENT);
  }

  // Row 2: sent, then reset or timed out (outcome unknown).

  @ParameterizedTest(name = "{0}")
  @MethodSource("getPatchPutDelete")
  void anUnknownOutcomeMovesGetPatchPutDeleteToTheNextEndpointAndFlagsItForReconciliation(
      ApiRequest request) throws Exception {
    MockWebServer first = fixture.server(dropAfterRequest());
    MockWebServer second = fixture.server(ok("{}"));

    ApiResponse response = fixture.transport(base(first), base(second)).execute(request);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.endpoint()).isEqualTo(TransportFixture.name(second));
    assertThat(response.earlierAttemptMayHaveTakenEffect()).isTrue();
    assertThat(first.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anUnknownOutcomeIsNotRepeatedForAPostWithoutIdempotencyGuarantee() {
    MockWebServer first = fixture.server(dropAfterRequest());
    MockWebServer second = fixture.server(ok("{}"));
    Transport transport = fixture.transport(base(first), base(second));

    assertThatThrownBy(() -> transport.execute(Responses.post()))
        .isInstanceOf(OpenViduJavaClientException.class)
        .hasMessageContaining("outcome unknown")
        .hasMessageContaining("is not repeated without an idempotency guarantee");
    assertThat(second.getRequestCount()).isZero();
  }

  @Test
  void anUnknownOutcomeMovesARepeatablePostToTheNextEndpoint() throws Exception {
    MockWebServer first = fixture.server(dropAfterRequest());
    MockWebServer second = fixture.server(ok("{}"));

    ApiResponse response =
        fixture.transport(base(first), base(second)).execute(Responses.repeatablePost());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.earlierAttemptMayHaveTakenEffect()).isTrue();
  }

  @Test
  void anUnknownOutcomeMovesAnyPostToTheNextEndpointWhenThePolicyTrustsIdempotencyKeys()
      throws Exception {
    MockWebServer first = fixture.server(dropAfterRequest());
    MockWebServer second = fixture.server(ok("{}"));
    Transport transport =
        fixture.transport(
            fixture
                .settings(base(first), base(second))
                .retryPolicy(RetryPolicy.builder().trustIdempotencyKeys(true).build()));

    ApiResponse response = transport.execute(Responses.post());

    assertThat(response.status()).isEqualTo(200);
    assertThat(second.getRequestCount()).isEqualTo(1);
  }

  // Row 3: 502, 503, 504, 429.

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("retryableStatusesForGetPatchPutDelete")
  void aBusyOrUnavailableAnswerMovesGetPatchPutDeleteToTheNextEndpoint(int code, ApiRequest request)
      throws Exception {
    MockWebServer first = fixture.server(status(code));
    MockWebServer second = fixture.server(ok("{}"));

    ApiResponse response = fixture.transport(base(first), base(second)).execute(request);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.attempts()).isEqualTo(2);
    assertThat(fixture.listener().failures())
        .extracting(AttemptFailure::status)
        .containsExactly(code);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {502, 503, 504})
  void aGatewayOrUnavailableAnswerFlagsTheCallForReconciliation(int code) throws Exception {
    MockWebServer first = fixture.server(status(code));
    MockWebServer second = fixture.server(status(404));

    ApiResponse response = fixture.transport(base(first), base(second)).execute(Responses.delete());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.earlierAttemptMayHaveTakenEffect()).isTrue();
  }

  @Test
  void aTooManyRequestsAnswerDoesNotFlagTheCallForReconciliation() throws Exception {
    MockWebServer first = fixture.server(status(429));
    MockWebServer second = fixture.server(status(404));

    ApiResponse response = fixture.transport(base(first), base(second)).execute(Responses.delete());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.earlierAttemptMayHaveTakenEffect()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("retryableStatuses")
  void aBusyOrUnavailableAnswerToAPostWithoutGuaranteeIsReturnedNotRepeated(int code)
      throws Exception {
    MockWebServer first = fixture.server(status(code));
    MockWebServer second = fixture.server(ok("{}"));

    ApiResponse response = fixture.transport(base(first), base(second)).execute(Responses.post());

    assertThat(response.status()).isEqualTo(code);
    assertThat(second.getRequestCount()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("retryableStatuses")
  void aBusyOrUnavailableAnswerMovesARepeatablePostToTheNextEndpoint(int code) throws Exception {
    MockWebServer first = fixture.server(status(code));
    MockWebServer second = fixture.server(ok("{}"));

    ApiResponse response =
        fixture.transport(base(first), base(second)).execute(Responses.repeatablePost());

    assertThat(response.status()).isEqualTo(200);
  }

  // Row 4: any other answer is final.

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("finalStatusesForEveryMethod")
  void anyOtherAnswerIsFinal(int code, ApiRequest request) throws Exception {
    MockWebServer first = fixture.server(status(code));
    MockWebServer second = fixture.server(ok("{}"));

    ApiResponse response = fixture.transport(base(first), base(second)).execute(request);

    assertThat(response.status()).isEqualTo(code);
    assertThat(response.bodyAsString()).isEqualTo("{\"status\":" + code + "}");
    assertThat(response.attempts()).isEqualTo(1);
    assertThat(second.getRequestCount()).isZero();
  }
}
