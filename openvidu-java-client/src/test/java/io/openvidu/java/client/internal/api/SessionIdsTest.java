package io.openvidu.java.client.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Generated session ids have OpenVidu's format, and every character of each alphabet can occur. */
class SessionIdsTest {

  private static final int IDS = 10_000;

  @Test
  void idHasOpenViduFormat() {
    for (int i = 0; i < 1_000; i++) {
      assertThat(SessionIds.generate()).matches("ses_[A-Z][A-Za-z0-9]{9}");
    }
  }

  @Test
  void idsDoNotRepeat() {
    Set<String> ids =
        IntStream.range(0, IDS).mapToObj(i -> SessionIds.generate()).collect(Collectors.toSet());

    assertThat(ids).hasSize(IDS);
  }

  @Test
  void everyCharacterOfEachAlphabetOccurs() {
    Set<Character> first = new HashSet<>();
    Set<Character> rest = new HashSet<>();
    for (int i = 0; i < IDS; i++) {
      String id = SessionIds.generate();
      first.add(id.charAt(4));
      id.substring(5).chars().forEach(c -> rest.add((char) c));
    }

    assertThat(first).hasSize(26);
    assertThat(rest).hasSize(62);
  }
}
