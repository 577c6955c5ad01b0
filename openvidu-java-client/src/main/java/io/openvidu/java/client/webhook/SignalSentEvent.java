package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code signalSent}: a signal was delivered, sent by a participant or through the REST API.
 * Immutable and thread-safe.
 */
public final class SignalSentEvent extends SessionEvent {

  /** The event's name, the value of its {@code event} member. */
  public static final String NAME = "signalSent";

  private final String from;
  private final List<String> to;
  private final String type;
  private final String data;

  SignalSentEvent(ResponseJson body, String json) {
    super(body, json);
    this.from = body.optionalText("from");
    this.to = Collections.unmodifiableList(body.requireTexts("to"));
    this.type = body.optionalText("type");
    this.data = body.optionalText("data");
  }

  /**
   * @return the sender's connection id; empty for a signal sent through the REST API ({@code from})
   */
  public Optional<String> from() {
    return Optional.ofNullable(from);
  }

  /**
   * @return the recipients' connection ids, without repeats ({@code to}); unmodifiable
   */
  public List<String> to() {
    return to;
  }

  /**
   * @return the signal's type: for a participant's signal without its {@code signal:} prefix, for a
   *     REST signal as given ({@code type})
   */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /**
   * @return the signal's data ({@code data})
   */
  public Optional<String> data() {
    return Optional.ofNullable(data);
  }
}
