package io.openvidu.java.client.transport;

/**
 * When and how often a failed attempt is repeated. See the transport documentation of
 * {@code io.openvidu.java.client.OpenVidu} for which failures are retried for which methods.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>TODO(#3): attempts per call, backoff, retry budget, trust in server idempotency keys.
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS = new RetryPolicy();

    private RetryPolicy() {
    }

    /** @return the default policy */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }
}
