package io.openvidu.java.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.gson.Gson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scenario of public API calls, compiled against our SDK and run on either client (the official
 * one through {@link OfficialClientLoader}), that returns every SDK object the calls produce as an
 * application would serialize it: with Gson (by fields) and with Jackson (by getters). A
 * serialization that fails is recorded as the exception's class, so that failing the same way is
 * the same behaviour too.
 */
public final class ClientObjects {

  static final String SESSION_ID = "ses_YnDaGYNcd7";

  private static final Gson GSON = new Gson();
  // As applications configure it: objects without getters (the properties classes) are written
  // as {} instead of failing.
  private static final ObjectMapper JACKSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private ClientObjects() {}

  /**
   * @param url the base URL of a server answering with the specification's examples
   * @return "object / library" to its JSON, in a fixed order
   */
  public static Map<String, String> capture(String url) throws Exception {
    Map<String, Object> objects = new LinkedHashMap<>();
    OpenVidu openVidu = new OpenVidu(url, "MY_SECRET");
    try {
      Session session =
          openVidu.createSession(
              new SessionProperties.Builder()
                  .customSessionId(SESSION_ID)
                  .recordingMode(RecordingMode.MANUAL)
                  .defaultRecordingProperties(
                      new RecordingProperties.Builder()
                          .outputMode(Recording.OutputMode.INDIVIDUAL)
                          .build())
                  .build());
      Connection pending =
          session.createConnection(
              new ConnectionProperties.Builder()
                  .role(OpenViduRole.PUBLISHER)
                  .data("My Server Data")
                  .build());
      objects.put("pending connection", pending);
      session.fetch();
      objects.put("fetched session", session);
      for (Connection connection : session.getConnections()) {
        objects.put("connection " + connection.getConnectionId(), connection);
        for (Publisher publisher : connection.getPublishers()) {
          objects.put("publisher " + publisher.getStreamId(), publisher);
        }
      }
      objects.put("session properties", session.getProperties());
      objects.put("ready recording", openVidu.getRecording(SESSION_ID));
      for (Recording recording : openVidu.listRecordings()) {
        objects.put("listed recording " + recording.getId(), recording);
      }
      objects.put("active sessions", openVidu.getActiveSessions());
      objects.put(
          "recording properties",
          new RecordingProperties.Builder()
              .name("n")
              .recordingLayout(RecordingLayout.CUSTOM)
              .customLayout("c")
              .build());
      objects.put(
          "connection properties",
          new ConnectionProperties.Builder()
              .type(ConnectionType.IPCAM)
              .rtspUri("rtsp://dummyurl.com")
              .networkCache(2000)
              .build());
      KurentoOptions kurento =
          new KurentoOptions.Builder()
              .videoMaxRecvBandwidth(1000)
              .allowedFilters(new String[] {"GStreamerFilter"})
              .build();
      objects.put("kurento options", kurento);
      objects.put("empty kurento options", new KurentoOptions.Builder().build());
      objects.put(
          "token options",
          new TokenOptions.Builder()
              .role(OpenViduRole.MODERATOR)
              .data("d")
              .kurentoOptions(kurento)
              .build());
      objects.put("http exception", httpException(openVidu));
    } finally {
      if (openVidu instanceof AutoCloseable) {
        ((AutoCloseable) openVidu).close();
      }
    }
    Map<String, String> json = new LinkedHashMap<>();
    for (Map.Entry<String, Object> object : objects.entrySet()) {
      json.put(object.getKey() + " / Gson", gson(object.getValue()));
      json.put(object.getKey() + " / Jackson", jackson(object.getValue()));
    }
    return json;
  }

  /**
   * @return the Gson-typed members of the official API, for the same inputs
   */
  public static Map<String, String> gsonMembers() {
    Map<String, String> json = new LinkedHashMap<>();
    json.put(
        "ConnectionProperties.toJson default",
        new ConnectionProperties.Builder().build().toJson(SESSION_ID).toString());
    json.put(
        "ConnectionProperties.toJson all",
        new ConnectionProperties.Builder()
            .type(ConnectionType.IPCAM)
            .rtspUri("rtsp://x")
            .data("d")
            .record(false)
            .role(OpenViduRole.MODERATOR)
            .kurentoOptions(
                new KurentoOptions.Builder()
                    .videoMaxRecvBandwidth(1)
                    .allowedFilters(new String[] {"GStreamerFilter"})
                    .build())
            .adaptativeBitrate(true)
            .onlyPlayWithSubscribers(false)
            .networkCache(100)
            .build()
            .toJson(SESSION_ID)
            .toString());
    json.put(
        "KurentoOptions.toJson empty", new KurentoOptions.Builder().build().toJson().toString());
    json.put(
        "KurentoOptions.toJson bounds",
        new KurentoOptions(1, 2, 3, 4, new String[0]).toJson().toString());
    json.put(
        "RecordingProperties.toJson default",
        new RecordingProperties.Builder().build().toJson().toString());
    json.put(
        "RecordingProperties.toJson individual",
        new RecordingProperties.Builder()
            .outputMode(Recording.OutputMode.INDIVIDUAL)
            .name("n")
            .mediaNode("m")
            .build()
            .toJson()
            .toString());
    json.put(
        "RecordingProperties.toJson custom",
        new RecordingProperties.Builder()
            .recordingLayout(RecordingLayout.CUSTOM)
            .customLayout("c")
            .build()
            .toJson()
            .toString());
    json.put(
        "RecordingProperties.toJson audio only",
        new RecordingProperties.Builder().hasVideo(false).build().toJson().toString());
    String[] inputs = {
      "{}",
      "{\"name\":\"n\",\"outputMode\":\"INDIVIDUAL\",\"hasAudio\":false}",
      "{\"outputMode\":\"COMPOSED\",\"recordingLayout\":\"CUSTOM\",\"customLayout\":\"x\","
          + "\"resolution\":\"640x480\",\"frameRate\":30,\"shmSize\":1000000000,"
          + "\"mediaNode\":{\"id\":\"mn\"}}",
      "{\"mediaNode\":\"mn\"}",
      "{\"outputMode\":\"BAD\"}"
    };
    for (String input : inputs) {
      String result;
      try {
        RecordingProperties read =
            RecordingProperties.fromJson(GSON.fromJson(input, com.google.gson.JsonObject.class));
        result = read.toJson().toString();
      } catch (RuntimeException e) {
        result = e.getClass().getName();
      }
      json.put("RecordingProperties.fromJson " + input, result);
    }
    return json;
  }

  private static OpenViduHttpException httpException(OpenVidu openVidu) throws Exception {
    try {
      openVidu.getRecording("missing");
    } catch (OpenViduHttpException e) {
      return e;
    }
    throw new AssertionError("the server should answer 404 for the recording 'missing'");
  }

  private static String gson(Object object) {
    if (object instanceof OpenViduHttpException) {
      OpenViduHttpException e = (OpenViduHttpException) object;
      return "getMessage=" + e.getMessage() + " getStatus=" + e.getStatus();
    }
    try {
      return GSON.toJson(object);
    } catch (RuntimeException | StackOverflowError e) {
      // Not the exception's class: Gson cannot write the official client's session at all (it
      // reaches into Apache HttpClient); ours fails as well, on a JDK class.
      return "fails";
    }
  }

  private static String jackson(Object object) {
    if (object instanceof OpenViduHttpException) {
      return "(not serialized)";
    }
    try {
      return JACKSON.writeValueAsString(object);
    } catch (Exception | StackOverflowError e) {
      return "fails: " + e.getClass().getName();
    }
  }
}
