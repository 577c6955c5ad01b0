package io.openvidu.java.client.internal.transport;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import io.openvidu.java.client.OpenViduJavaClientException;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Interim transport: one attempt on the first endpoint, no retry. Replaced by the failover transport (#3).
 */
final class SingleAttemptTransport implements Transport {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HttpUrl endpoint;
    private final String authorization;
    private final OkHttpClient client;
    private final boolean ownsClient;

    SingleAttemptTransport(TransportSettings settings) {
        this.endpoint = settings.endpoints().get(0);
        this.authorization = Credentials.basic("OPENVIDUAPP", settings.secret());
        OkHttpClient base = settings.sharedClient() != null ? settings.sharedClient() : new OkHttpClient();
        this.ownsClient = settings.sharedClient() == null;
        OkHttpClient.Builder builder = base.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .callTimeout(settings.attemptTimeout())
                .retryOnConnectionFailure(false);
        if (settings.trustAllCertificates()) {
            TrustAllCertificates.apply(builder);
        }
        this.client = builder.build();
    }

    @Override
    public ApiResponse execute(ApiRequest request) throws OpenViduJavaClientException {
        HttpUrl url = HttpUrl.get(endpoint.toString().replaceAll("/+$", "") + request.pathAndQuery());
        RequestBody body = request.jsonBody() == null
                ? (request.method() == ApiRequest.Method.GET || request.method() == ApiRequest.Method.DELETE
                        ? null
                        : RequestBody.create(new byte[0], JSON))
                : RequestBody.create(request.jsonBody(), JSON);
        Request httpRequest = new Request.Builder()
                .url(url)
                .method(request.method().name(), body)
                .header("Authorization", authorization)
                .build();
        try (Response response = client.newCall(httpRequest).execute()) {
            ResponseBody responseBody = response.body();
            byte[] bytes = responseBody == null ? new byte[0] : responseBody.bytes();
            Map<String, String> headers = new HashMap<>();
            for (String name : response.headers().names()) {
                headers.put(name, response.header(name));
            }
            return new ApiResponse(response.code(), bytes, headers, endpoint.toString(), 1, false);
        } catch (IOException e) {
            throw new OpenViduJavaClientException(
                    request.operation() + " failed on " + endpoint + ": " + e.getClass().getSimpleName() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }
}
