package io.openvidu.ha.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailWriterTest {

  @Test
  void isAJpeg480PixelsWideKeepingTheVideoAspectRatio() throws IOException {
    byte[] jpeg = ThumbnailWriter.write(1280, 720);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));

    assertThat(jpeg).startsWith(0xFF, 0xD8);
    assertThat(image.getWidth()).isEqualTo(480);
    assertThat(image.getHeight()).isEqualTo(270);
  }
}
