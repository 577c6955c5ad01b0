package io.openvidu.ha.springboot;

import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import io.openvidu.ha.springboot.Page.Step;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs one Spring Boot application twice for a test class, as a drop-in check:
 *
 * <ol>
 *   <li>on our SDK (its own class path) against a reference cluster, through a {@link
 *       RecordingProxy}, while the page's calls ({@code browsing}) drive it over HTTP;
 *   <li>the same application classes on the official 2.20.0 client instead, against a {@link
 *       ReplayServer} that gives it the cluster's answers of the first run, while the page makes
 *       the same calls again.
 * </ol>
 *
 * Both runs start at once (their start-up is most of the cost) and each exactly once. Register in a
 * static field.
 */
final class TutorialAppExtension implements BeforeAllCallback, AfterAllCallback {

  private final String module;
  private final Consumer<Page> browsing;
  private final OpenViduClusterExtension cluster = OpenViduClusterExtension.builder().build();
  private RecordingProxy proxy;
  private ReplayServer replay;
  private AppBuild build;
  private List<Step> ours;
  private List<Step> official;

  private TutorialAppExtension(String module, Consumer<Page> browsing) {
    this.module = module;
    this.browsing = browsing;
  }

  /**
   * @param module the application's module directory, e.g. {@code boot-2.1}
   * @param browsing what the page does; may join participants with the tokens it gets
   */
  static TutorialAppExtension of(String module, Consumer<Page> browsing) {
    return new TutorialAppExtension(module, Objects.requireNonNull(browsing));
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    build = AppBuild.of(module);
    cluster.start();
    proxy = new RecordingProxy(cluster.urlList().get(0));
    replay = new ReplayServer();
    Path logs = Paths.get(System.getProperty("app.logs.dir", "target/app-logs"));
    try (AppProcess withOurs =
            AppProcess.start(
                build.withOurClient(),
                proxy.url(),
                cluster.secret(),
                logs.resolve(module + "-our-client.log"));
        AppProcess withOfficial =
            AppProcess.start(
                build.withOfficialClient(),
                replay.url(),
                cluster.secret(),
                logs.resolve(module + "-official-client.log"))) {
      Page page = new Page(withOurs.url());
      browsing.accept(page);
      ours = page.steps();
      replay.load(proxy.exchanges());
      official = Page.replay(ours, withOfficial.url());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (proxy != null) {
      proxy.close();
    }
    if (replay != null) {
      replay.close();
    }
    cluster.stop();
  }

  AppBuild build() {
    return build;
  }

  /** The page's calls and what the application answered on our SDK. */
  List<Step> ours() {
    return ours;
  }

  /** The first call to {@code method path} on our SDK. */
  Step ours(String method, String path) {
    return ours.stream()
        .filter(step -> step.method().equals(method) && step.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the page did not call " + method + " " + path));
  }

  /** The same calls and what the application answered on the official client. */
  List<Step> official() {
    return official;
  }

  /** The URL the application on our SDK had as OpenVidu's. */
  String ourOpenViduUrl() {
    return proxy.url();
  }

  ReplayServer replay() {
    return replay;
  }

  /**
   * Each call whose answer differs between the two runs: status, or JSON (as trees: member order
   * aside) once each run's OpenVidu URL is replaced by {@code {openvidu}}.
   */
  List<String> differences() {
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < ours.size(); i++) {
      Step mine = normalized(ours.get(i), proxy.url());
      Step theirs = normalized(official.get(i), replay.url());
      if (mine.status() != theirs.status() || !mine.json().equals(theirs.json())) {
        differences.add(
            mine.method()
                + " "
                + mine.path()
                + "\n  official client: "
                + theirs.status()
                + " "
                + theirs.answer()
                + "\n  our SDK:         "
                + mine.status()
                + " "
                + mine.answer());
      }
    }
    return differences;
  }

  private static Step normalized(Step step, String openViduUrl) {
    return new Step(
        step.method(),
        step.path(),
        step.body(),
        step.status(),
        step.answer().replace(openViduUrl, "{openvidu}"));
  }
}
