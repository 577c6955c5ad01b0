package io.openvidu.java.client.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.openvidu.java.client.ConnectionProperties;
import io.openvidu.java.client.ConnectionType;
import io.openvidu.java.client.KurentoOptions;
import io.openvidu.java.client.Recording;
import io.openvidu.java.client.RecordingLayout;
import io.openvidu.java.client.RecordingProperties;
import io.openvidu.java.client.SessionProperties;
import io.openvidu.java.client.TokenOptions;

/**
 * The JSON bodies the client sends, member for member what the official 2.20 client sends (see the [SDK]
 * notes of the REST contract): explicit {@code null} for what the caller did not set, so the server applies
 * its defaults (on creation) or keeps the current value (on update).
 */
public final class RequestJson {

    private RequestJson() {
    }

    /** Body of {@code POST /openvidu/api/sessions}, creating the session with the given id. */
    public static byte[] session(SessionProperties properties, String sessionId) {
        ObjectNode json = JsonMapper.MAPPER.createObjectNode();
        json.put("mediaMode", nameOf(properties.mediaMode()));
        json.put("recordingMode", nameOf(properties.recordingMode()));
        json.put("customSessionId", sessionId);
        json.set("defaultRecordingProperties", recordingProperties(properties.defaultRecordingProperties()));
        json.put("forcedVideoCodec", nameOf(properties.forcedVideoCodec()));
        json.put("allowTranscoding", properties.isTranscodingAllowed());
        if (properties.mediaNode() != null) {
            json.set("mediaNode", idObject(properties.mediaNode()));
        }
        return bytes(json);
    }

    /** Body of {@code POST/PATCH /openvidu/api/sessions/{id}/connection[/{connectionId}]}. */
    public static byte[] connection(String sessionId, ConnectionProperties properties) {
        ObjectNode json = JsonMapper.MAPPER.createObjectNode();
        json.put("session", sessionId);
        json.put("type", nameOf(properties.getType()));
        json.put("data", properties.getData());
        json.put("record", properties.record());
        json.put("role", nameOf(properties.getRole()));
        json.set("kurentoOptions", kurentoOptions(properties.getKurentoOptions()));
        json.put("rtspUri", properties.getRtspUri());
        json.put("adaptativeBitrate", properties.adaptativeBitrate());
        json.put("onlyPlayWithSubscribers", properties.onlyPlayWithSubscribers());
        json.put("networkCache", properties.getNetworkCache());
        return bytes(json);
    }

    /** Body of the {@code POST /openvidu/api/sessions/{id}/connection} that creates a token. */
    public static byte[] token(String sessionId, TokenOptions options) {
        ObjectNode json = JsonMapper.MAPPER.createObjectNode();
        json.put("session", sessionId);
        json.put("type", ConnectionType.WEBRTC.name());
        json.put("data", options.getData());
        json.put("role", nameOf(options.getRole()));
        json.set("kurentoOptions", kurentoOptions(options.getKurentoOptions()));
        return bytes(json);
    }

    /** Body of {@code POST /openvidu/api/recordings/start}. */
    public static byte[] startRecording(String sessionId, RecordingProperties properties) {
        ObjectNode json = JsonMapper.MAPPER.createObjectNode();
        json.put("session", sessionId);
        json.setAll(recordingProperties(properties));
        return bytes(json);
    }

    /**
     * The members that apply to the output mode: layout, resolution, frame rate and shared memory only for
     * composed recordings with video, the custom layout only with the CUSTOM layout, ignoreFailedStreams only
     * for INDIVIDUAL recordings.
     */
    private static ObjectNode recordingProperties(RecordingProperties properties) {
        ObjectNode json = JsonMapper.MAPPER.createObjectNode();
        if (properties == null) {
            return json;
        }
        Recording.OutputMode outputMode = properties.outputMode();
        json.put("name", properties.name());
        json.put("hasAudio", properties.hasAudio());
        json.put("hasVideo", properties.hasVideo());
        json.put("outputMode", nameOf(outputMode));
        boolean composed = outputMode == Recording.OutputMode.COMPOSED
                || outputMode == Recording.OutputMode.COMPOSED_QUICK_START;
        if (composed && !Boolean.FALSE.equals(properties.hasVideo())) {
            json.put("recordingLayout", nameOf(properties.recordingLayout()));
            json.put("resolution", properties.resolution());
            json.put("frameRate", properties.frameRate());
            json.put("shmSize", properties.shmSize());
            if (properties.recordingLayout() == RecordingLayout.CUSTOM) {
                json.put("customLayout", properties.customLayout());
            }
        }
        if (outputMode == Recording.OutputMode.INDIVIDUAL) {
            json.put("ignoreFailedStreams", properties.ignoreFailedStreams());
        }
        if (properties.mediaNode() != null) {
            json.set("mediaNode", idObject(properties.mediaNode()));
        }
        return json;
    }

    /** Only the members that were set; {@code null} for no options at all. */
    private static ObjectNode kurentoOptions(KurentoOptions options) {
        if (options == null) {
            return null;
        }
        ObjectNode json = JsonMapper.MAPPER.createObjectNode();
        putIfSet(json, "videoMaxRecvBandwidth", options.getVideoMaxRecvBandwidth());
        putIfSet(json, "videoMinRecvBandwidth", options.getVideoMinRecvBandwidth());
        putIfSet(json, "videoMaxSendBandwidth", options.getVideoMaxSendBandwidth());
        putIfSet(json, "videoMinSendBandwidth", options.getVideoMinSendBandwidth());
        String[] filters = options.getAllowedFilters();
        if (filters != null) {
            ArrayNode array = json.putArray("allowedFilters");
            for (String filter : filters) {
                array.add(filter);
            }
        }
        return json;
    }

    private static void putIfSet(ObjectNode json, String name, Integer value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static ObjectNode idObject(String id) {
        return JsonMapper.MAPPER.createObjectNode().put("id", id);
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static byte[] bytes(ObjectNode json) {
        try {
            return JsonMapper.MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            // A tree of strings, numbers and booleans always serialises.
            throw new IllegalStateException("cannot serialise a request body", e);
        }
    }
}
