package io.openvidu.java.client.internal.transport.http;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The insecure opt-in {@code OpenVidu.Builder.insecureTrustAllCertificates()}: accept every
 * certificate and every host name. Exists only because the official client behaves this way and
 * development deployments use self-signed certificates; never the default.
 */
final class TrustAllCertificates {

  private static final X509TrustManager TRUST_EVERYTHING =
      new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
          // Deliberately empty: this trust manager is the insecure opt-in.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
          // Deliberately empty: this trust manager is the insecure opt-in.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      };

  private TrustAllCertificates() {}

  static void apply(OkHttpClient.Builder builder) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {TRUST_EVERYTHING}, null);
      builder
          .sslSocketFactory(context.getSocketFactory(), TRUST_EVERYTHING)
          .hostnameVerifier((hostname, session) -> true);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JVM", e);
    }
  }
}
