package io.openvidu.ha.server.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.server.store.DocumentWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryDocumentStoreTest {

  private static final long TTL_MS = 1;

  private final MemoryDocumentStore store = new MemoryDocumentStore();

  @Test
  void expiredDocumentsNobodyReadsAreDroppedByALaterCommit() throws InterruptedException {
    List<DocumentWrite> records = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      records.add(new DocumentWrite.Put("idem:" + i, "{}", TTL_MS));
    }
    store.commit(Map.of(), records);
    waitPastTheTtl();

    store.commit(Map.of(), List.of(new DocumentWrite.Put("session", "{}", 0)));

    assertThat(store.documentCount()).isEqualTo(1);
  }

  @Test
  void aDocumentWrittenAgainWithoutExpiryOutlivesItsFirstTtl() throws InterruptedException {
    store.commit(Map.of(), List.of(new DocumentWrite.Put("doc", "{\"first\":true}", TTL_MS)));
    store.commit(Map.of(), List.of(new DocumentWrite.Put("doc", "{\"second\":true}", 0)));
    waitPastTheTtl();

    store.commit(Map.of(), List.of(new DocumentWrite.Put("other", "{}", 0)));

    assertThat(store.read(List.of("doc")).get("doc").json()).isEqualTo("{\"second\":true}");
  }

  private static void waitPastTheTtl() throws InterruptedException {
    Thread.sleep(TTL_MS + 5);
  }
}
