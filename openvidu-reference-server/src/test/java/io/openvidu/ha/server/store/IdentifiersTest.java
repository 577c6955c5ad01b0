package io.openvidu.ha.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Test
  void sessionIdHasOpenViduFormat() {
    assertThat(Identifiers.sessionId()).matches("ses_[A-Z][A-Za-z0-9]{9}");
  }

  @Test
  void connectionIdHasOpenViduFormat() {
    assertThat(Identifiers.connectionId()).matches("con_[A-Z][A-Za-z0-9]{9}");
  }

  @Test
  void tokenSecretHasOpenViduFormat() {
    assertThat(Identifiers.tokenSecret()).matches("tok_[A-Z][A-Za-z0-9]{15}");
  }

  @Test
  void streamIdNamesVideoKindAndOwner() {
    assertThat(Identifiers.streamId("SCREEN", "con_Xnxg19tonh"))
        .matches("str_SCR_[A-Z][A-Za-z0-9]{3}_con_Xnxg19tonh");
  }

  @Test
  void streamIdWithoutVideoIsMic() {
    assertThat(Identifiers.streamId(null, "con_Xnxg19tonh")).startsWith("str_MIC_");
  }

  @Test
  void generatedIdsDiffer() {
    assertThat(Identifiers.sessionId()).isNotEqualTo(Identifiers.sessionId());
  }
}
