package io.openvidu.examples.demo;

import java.net.URI;
import java.util.List;

/**
 * Short names for the masters in the demo's output: {@code master 2 (:4444)}, numbered from 1.
 * Immutable.
 */
final class MasterNames {
  private final List<String> urls;

  MasterNames(List<String> urls) {
    this.urls = List.copyOf(urls);
  }

  /**
   * The name of the master with this base URL (trailing slash or not), or the URL itself when it is
   * unknown.
   */
  String name(String url) {
    String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    int index = urls.indexOf(trimmed);
    return index < 0 ? trimmed : name(index);
  }

  /** The name of master {@code index} (from 0). */
  String name(int index) {
    URI url = URI.create(urls.get(index));
    String where = url.getPort() < 0 ? url.getHost() : ":" + url.getPort();
    return "master " + (index + 1) + " (" + where + ")";
  }

  /** The base URL of master {@code index}. */
  URI url(int index) {
    return URI.create(urls.get(index));
  }

  int count() {
    return urls.size();
  }
}
