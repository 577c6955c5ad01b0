package io.openvidu.java.client.internal.json;

import io.openvidu.java.client.medianode.MediaNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Reads a {@code mediaNode} object (rest-api.md §5.17) strictly into a {@link MediaNode}. */
public final class MediaNodeJson {

  private MediaNodeJson() {}

  /**
   * @throws MalformedResponseException when {@code id}, {@code status}, {@code launchingTime},
   *     {@code connected} or {@code load} is missing, or any member has the wrong JSON type
   */
  public static MediaNode parse(ResponseJson json) {
    List<String> sessionIds = new ArrayList<>();
    for (ResponseJson session : json.optionalObjects("sessions")) {
      sessionIds.add(session.requireText("id"));
    }
    List<String> recordingIds = json.optionalTexts("recordingIds");
    ResponseJson info = json.optionalObject("kurentoInfo");
    Map<String, Object> mediaServerInfo =
        info == null ? Collections.<String, Object>emptyMap() : info.asPlainMap();
    return new MediaNode(
        json.requireText("id"),
        json.optionalText("environmentId"),
        json.optionalText("ip"),
        json.optionalText("uri"),
        json.requireLong("launchingTime"),
        json.requireBoolean("connected"),
        json.optionalLong("connectionTime"),
        json.optionalLong("disconnectionTime"),
        json.requireDouble("load"),
        json.requireText("status"),
        sessionIds,
        recordingIds == null ? Collections.<String>emptyList() : recordingIds,
        mediaServerInfo);
  }
}
