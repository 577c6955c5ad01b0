package io.openvidu.ha.server.recording;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Produces the thumbnail of a composed recording with video (recordings.md §3.2): a JPEG 480 pixels
 * wide whose height keeps the video's aspect ratio. The picture is a plain test card, since there
 * is no frame to take.
 */
final class ThumbnailWriter {

  static final int WIDTH = 480;

  private ThumbnailWriter() {}

  static byte[] write(int videoWidth, int videoHeight) {
    int height = Math.max(1, Math.round((float) WIDTH * videoHeight / videoWidth));
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      Color[] bars = {
        Color.WHITE, Color.YELLOW, Color.CYAN, Color.GREEN, Color.MAGENTA, Color.RED, Color.BLUE
      };
      int barWidth = (WIDTH + bars.length - 1) / bars.length;
      for (int i = 0; i < bars.length; i++) {
        graphics.setColor(bars[i]);
        graphics.fillRect(i * barWidth, 0, barWidth, height);
      }
    } finally {
      graphics.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "jpg", out)) {
        throw new IllegalStateException("This Java runtime has no JPEG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
