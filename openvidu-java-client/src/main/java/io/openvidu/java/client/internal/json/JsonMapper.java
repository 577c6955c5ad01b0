package io.openvidu.java.client.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson mapper of the client. Thread-safe once built, and never reconfigured.
 */
final class JsonMapper {

    /**
     * Rejects trailing garbage and duplicate members: a body that is not exactly one JSON document is not an
     * answer we can trust.
     */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonMapper() {
    }
}
