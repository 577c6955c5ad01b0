package io.openvidu.ha.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DerTest {

  @Test
  void anObjectIdentifierEncodesItsArcsInBase128() {
    assertThat(HexFormat.of().formatHex(Der.oid("1.2.840.113549.1.1.11")))
        .isEqualTo("06092a864886f70d01010b");
  }

  @Test
  void aLongValueHasAMultiByteLength() {
    byte[] encoded = Der.octetString(new byte[300]);

    assertThat(HexFormat.of().formatHex(encoded, 0, 4)).isEqualTo("0482012c");
    assertThat(encoded).hasSize(304);
  }
}
