package io.openvidu.java.client.medianode;

/** What a {@link MediaNodes#list} or {@link MediaNodes#get} includes beyond the node itself. */
public enum MediaNodeDetail {
  /** The sessions the node hosts: {@link MediaNode#sessionIds()} ({@code ?sessions=true}). */
  SESSIONS("sessions"),
  /** The recordings it runs: {@link MediaNode#recordingIds()} ({@code ?recordings=true}). */
  RECORDINGS("recordings"),
  /** Its media server's own information: {@link MediaNode#mediaServerInfo()}. */
  EXTRA_INFO("extra-info");

  private final String queryParameter;

  MediaNodeDetail(String queryParameter) {
    this.queryParameter = queryParameter;
  }

  /**
   * @return the query parameter that asks for it, e.g. {@code extra-info}
   */
  public String queryParameter() {
    return queryParameter;
  }
}
