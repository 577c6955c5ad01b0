package io.openvidu.java.client.transport;

/**
 * When the client relies on a server honouring the {@code Idempotency-Key} that every POST carries:
 * that is, when it repeats (or hedges) a POST whose outcome it does not know. A server that honours
 * the key replays its first answer to a repeat, so the repeat has no second side effect; real
 * OpenVidu 2.20 ignores the header, so there a repeat could create a second session, connection or
 * recording.
 */
public enum IdempotencyKeyTrust {

  /**
   * The default: keys are trusted on an endpoint once it has announced that it honours them, with
   * the response header {@value #ANNOUNCEMENT_HEADER}{@code : true} (the reference cluster sends it
   * on every API answer; real OpenVidu never does), and as long as its answers keep saying so. A
   * POST whose outcome is unknown is then repeated, with its key, on another endpoint that
   * announced it too. Against a server that never announces, exactly the rule of {@link #NEVER}.
   */
  ANNOUNCED,

  /** Every endpoint is trusted to honour keys, whatever it announces (the reference cluster). */
  ALWAYS,

  /**
   * No endpoint is trusted: a POST whose outcome is unknown is repeated only when the operation is
   * safe to repeat by itself (such as {@code createSession} with a client-chosen id).
   */
  NEVER;

  /** The response header by which a server announces that it honours {@code Idempotency-Key}. */
  public static final String ANNOUNCEMENT_HEADER = "Idempotency-Key-Honoured";
}
