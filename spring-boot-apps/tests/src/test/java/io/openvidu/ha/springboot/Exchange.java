package io.openvidu.ha.springboot;

/**
 * One REST call of an application's OpenVidu client as the cluster answered it.
 *
 * @param method the HTTP method
 * @param path the request path, without the query
 * @param status the answer's status
 * @param contentType the answer's {@code Content-Type}, or null
 * @param body the answer's body
 */
record Exchange(String method, String path, int status, String contentType, byte[] body) {

  String key() {
    return method + " " + path;
  }
}
