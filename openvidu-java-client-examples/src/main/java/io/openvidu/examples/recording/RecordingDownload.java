package io.openvidu.examples.recording;

import io.openvidu.java.client.Recording;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Downloads the file of a {@code ready} recording from its {@code url}, which OpenVidu protects
 * with the same Basic authentication as its REST API (user {@code OPENVIDUAPP}, the secret as
 * password) unless {@code OPENVIDU_RECORDING_PUBLIC_ACCESS} is on.
 *
 * <p>The URL names the deployment's public address. In a cluster without a load balancer in front,
 * that is one master, which may be down: the same path is then asked of each master in turn, since
 * every master serves every recording.
 *
 * <p>Thread-safe. The secret never appears in messages or {@link #toString()}.
 */
public final class RecordingDownload {
  private final List<URI> masters;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * @param masters every master's base URL, tried when the recording's own URL does not answer
   * @param secret the deployment's {@code OPENVIDU_SECRET}
   */
  public RecordingDownload(List<String> masters, String secret) {
    this.masters = masters.stream().map(URI::create).toList();
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("OPENVIDUAPP:" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes the recording's file into {@code directory}, under the name it has in its URL.
   *
   * @return the file written
   * @throws IllegalArgumentException when the recording has no URL (it is not {@code ready})
   * @throws IOException when no address served the file
   */
  public Path download(Recording recording, Path directory)
      throws IOException, InterruptedException {
    if (recording.getUrl() == null) {
      throw new IllegalArgumentException(
          "recording "
              + recording.getId()
              + " has no URL yet: it is "
              + recording.getStatus()
              + ", not ready");
    }
    URI url = URI.create(recording.getUrl());
    Path target = directory.resolve(Path.of(url.getPath()).getFileName().toString());
    Files.createDirectories(directory);
    List<String> refusals = new ArrayList<>();
    for (URI candidate : candidates(url)) {
      Path partial = Files.createTempFile(directory, ".download-", ".part");
      try {
        HttpResponse<Path> response =
            http.send(
                HttpRequest.newBuilder(candidate)
                    .header("Authorization", authorization)
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofFile(partial));
        if (response.statusCode() == 200) {
          return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
        refusals.add(candidate + " answered " + response.statusCode());
      } catch (IOException e) {
        refusals.add(candidate + " " + e.getClass().getSimpleName());
      } finally {
        Files.deleteIfExists(partial);
      }
    }
    throw new IOException("could not download recording " + recording.getId() + ": " + refusals);
  }

  /** The recording's URL, then the same path on every master. */
  private List<URI> candidates(URI url) {
    List<URI> candidates = new ArrayList<>();
    candidates.add(url);
    for (URI master : masters) {
      URI onMaster = master.resolve(url.getRawPath());
      if (!candidates.contains(onMaster)) {
        candidates.add(onMaster);
      }
    }
    return candidates;
  }

  @Override
  public String toString() {
    return "RecordingDownload{masters=" + masters + ", secret=****}";
  }
}
