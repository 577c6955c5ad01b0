package io.openvidu.java.client.internal.transport;

/**
 * Builds the {@link Transport} that {@code OpenVidu} uses for a set of {@link TransportSettings}.
 */
public final class Transports {

    private Transports() {
    }

    /**
     * @return a transport for these settings; the caller closes it
     */
    public static Transport create(TransportSettings settings) {
        // TODO(#3): the failover transport replaces this single-endpoint, single-attempt one.
        return new SingleAttemptTransport(settings);
    }
}
