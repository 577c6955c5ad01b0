package io.openvidu.java.client.internal.transport;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.OkHttpClient;

/**
 * Switches certificate and host name verification off, for the explicit opt-in only: development clusters
 * with self-signed certificates. The official client did this silently for everyone; this client warns each
 * time a transport is built with it.
 */
final class InsecureTls {

    private static final Logger LOG = LoggerFactory.getLogger(InsecureTls.class);

    private InsecureTls() {
    }

    static void trustEverything(OkHttpClient.Builder builder) {
        X509TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // Trusts everything: that is the point of this class.
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // Trusts everything: that is the point of this class.
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { trustAll }, new SecureRandom());
            builder.sslSocketFactory(context.getSocketFactory(), trustAll).hostnameVerifier((host, session) -> true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context", e);
        }
        LOG.warn("TLS certificate and host name verification are DISABLED (trustAllCertificates): "
                + "anyone on the network path can read and change the calls, secret included");
    }
}
