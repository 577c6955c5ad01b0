package io.openvidu.examples.async;

import io.openvidu.examples.Deployment;
import io.openvidu.java.client.Connection;
import io.openvidu.java.client.ConnectionProperties;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduRole;
import io.openvidu.java.client.Session;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The asynchronous API ({@code openVidu.async()}, {@code session.async()}), as a reactive backend
 * (WebFlux, Vert.x) would use it: a classroom is opened with one call, then every student's
 * connection is created at once, all in flight together, without a thread waiting for any of them.
 * Failover, retries and idempotency are those of the blocking calls.
 *
 * <p>Run it against your deployment with {@code OPENVIDU_URL} and {@code OPENVIDU_SECRET} set, or
 * without them against an embedded cluster:
 *
 * <pre>
 * mvn -B -q -Pdemo -pl openvidu-java-client-examples -am compile -Ddemo.main=io.openvidu.examples.async.AsyncClassroom
 * </pre>
 */
public final class AsyncClassroom {
  private AsyncClassroom() {}

  /** An open classroom: its session and one connection per student, in the students' order. */
  public record Classroom(Session session, List<Connection> students) {}

  /**
   * Opens a classroom: a session, then a subscriber connection per student, all requested at once.
   *
   * @return completes when every student has a connection (its token to give to that student), or
   *     fails with the first call's {@code OpenViduHttpException} or {@code
   *     OpenViduJavaClientException}
   */
  public static CompletableFuture<Classroom> open(OpenVidu openVidu, List<String> students) {
    return openVidu
        .async()
        .createSession()
        .thenCompose(
            session -> {
              List<CompletableFuture<Connection>> invitations = new ArrayList<>();
              for (String student : students) {
                invitations.add(
                    session
                        .async()
                        .createConnection(
                            new ConnectionProperties.Builder()
                                .role(OpenViduRole.SUBSCRIBER)
                                .data(student)
                                .build()));
              }
              return CompletableFuture.allOf(invitations.toArray(new CompletableFuture<?>[0]))
                  .thenApply(
                      done ->
                          new Classroom(
                              session, invitations.stream().map(CompletableFuture::join).toList()));
            });
  }

  /**
   * Opens a classroom of {@code size} students on {@code deployment} and tells it on {@code out}
   * (the tokens are credentials, and not shown).
   */
  public static Classroom run(Deployment deployment, int size, PrintStream out) throws Exception {
    // Callbacks run on this executor, never on the client's own threads.
    ExecutorService callbacks = Executors.newFixedThreadPool(2);
    try (OpenVidu openVidu =
        new OpenVidu.Builder()
            .endpoints(deployment.urls().toArray(new String[0]))
            .secret(deployment.secret())
            .asyncExecutor(callbacks)
            .build()) {
      List<String> students = new ArrayList<>();
      for (int i = 1; i <= size; i++) {
        students.add("student-" + i);
      }
      Classroom classroom = open(openVidu, students).get();
      out.println("classroom " + classroom.session().getSessionId());
      out.println("students  " + classroom.students().size() + " connections created at once");
      return classroom;
    } finally {
      callbacks.shutdown();
    }
  }

  public static void main(String[] args) throws Exception {
    try (Deployment deployment = Deployment.fromEnvironment()) {
      run(deployment, 30, System.out);
    }
  }
}
