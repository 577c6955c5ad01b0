package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;
import java.util.Optional;

/** The members every "end" event carries: when the ended thing started, how long, and why. */
final class Ending {

  final long startTime;
  final String reason;

  Ending(ResponseJson body) {
    this.startTime = body.requireLong("startTime");
    this.reason = body.optionalText("reason");
  }

  Optional<EndReason> reason() {
    return reason == null ? Optional.<EndReason>empty() : Optional.of(EndReason.fromValue(reason));
  }

  Optional<String> reasonAsString() {
    return Optional.ofNullable(reason);
  }
}
