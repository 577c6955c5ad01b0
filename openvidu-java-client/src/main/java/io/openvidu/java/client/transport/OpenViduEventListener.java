package io.openvidu.java.client.transport;

/**
 * Observes what the transport does: attempts that failed, endpoints ejected and restored, calls that
 * succeeded only after several attempts. Implement the methods you need; every method has an empty default.
 *
 * <p>Methods are called on the calling thread of the API method that caused the event and must return
 * quickly; an exception thrown by a listener is logged and otherwise ignored. Events never carry the secret,
 * the Authorization header or a token.
 *
 * <p>TODO(#3): the event methods.
 */
public interface OpenViduEventListener {

    /** A listener that ignores every event. */
    OpenViduEventListener NONE = new OpenViduEventListener() {
    };
}
