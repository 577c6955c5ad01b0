package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParticipantIdsTest {

  @Test
  void theOwnerOfAStreamIsTheConnectionIdAtItsEnd() {
    assertThat(ParticipantIds.ownerOfStream("str_CAM_NhxL_con_Xnxg19tonh"))
        .isEqualTo("con_Xnxg19tonh");
    assertThat(ParticipantIds.ownerOfStream("str_CAM_con__con_Xnxg19tonh"))
        .isEqualTo("con_Xnxg19tonh");
    assertThat(ParticipantIds.ownerOfStream("garbage")).isNull();
  }

  @Test
  void rpcSessionIdsAreBase32AndDistinct() {
    String first = ParticipantIds.rpcSessionId();

    assertThat(first).matches("[0-9a-v]{20,26}");
    assertThat(ParticipantIds.rpcSessionId()).isNotEqualTo(first);
  }
}
