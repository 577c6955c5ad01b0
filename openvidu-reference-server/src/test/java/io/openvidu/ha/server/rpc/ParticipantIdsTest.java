package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParticipantIdsTest {

    @Test
    void streamIdsFollowOpenViduFormat() {
        assertThat(ParticipantIds.streamId("CAMERA", true, "con_Xnxg19tonh"))
                .matches("str_CAM_[A-Z][A-Za-z0-9]{3}_con_Xnxg19tonh");
        assertThat(ParticipantIds.streamId("SCREEN", true, "con_A")).startsWith("str_SCR_");
        assertThat(ParticipantIds.streamId("CUSTOM", true, "con_A")).startsWith("str_CUS_");
    }

    @Test
    void streamsWithoutVideoAreMicrophones() {
        assertThat(ParticipantIds.streamId("", false, "con_A")).startsWith("str_MIC_");
        assertThat(ParticipantIds.streamId("CAMERA", false, "con_A")).startsWith("str_MIC_");
    }

    @Test
    void theOwnerOfAStreamIsTheConnectionIdAtItsEnd() {
        assertThat(ParticipantIds.ownerOfStream("str_CAM_NhxL_con_Xnxg19tonh")).isEqualTo("con_Xnxg19tonh");
        assertThat(ParticipantIds.ownerOfStream("str_CAM_con__con_Xnxg19tonh")).isEqualTo("con_Xnxg19tonh");
        assertThat(ParticipantIds.ownerOfStream("garbage")).isNull();
    }

    @Test
    void rpcSessionIdsAreBase32AndDistinct() {
        String first = ParticipantIds.rpcSessionId();

        assertThat(first).matches("[0-9a-v]{20,26}");
        assertThat(ParticipantIds.rpcSessionId()).isNotEqualTo(first);
    }
}
