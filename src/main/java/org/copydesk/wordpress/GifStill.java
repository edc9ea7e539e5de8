package org.copydesk.wordpress;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.copydesk.media.ImageRejectedException;

/**
 * WordPress sites are full of GIFs, which this site does not store (media.ImageStore takes JPEG, PNG and WebP): an
 * imported GIF becomes a PNG of its first frame, a still picture, read with the JDK's own GIF reader. Its size is
 * asked before its pixels are read, so a GIF of absurd dimensions is refused, not decoded.
 */
final class GifStill {

    /** A GIF's frame is held as one byte a pixel, then drawn in RGB to be written (four more): 8 MP is about 40 MB. */
    static final long MAX_PIXELS = 8_000_000L;

    private GifStill() {
    }

    static boolean isGif(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(6);
            return head.length == 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8';
        }
    }

    /** The first frame as a PNG file beside it (the caller deletes it). */
    static Path toPng(Path gif) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("gif");
            if (in == null || !readers.hasNext()) {
                throw new ImageRejectedException("The GIF could not be read.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new ImageRejectedException("The GIF is larger than 8 megapixels.");
                }
                BufferedImage frame = reader.read(0);
                Path png = Files.createTempFile("copydesk-wp-still-", ".png");
                if (!ImageIO.write(frame, "png", png.toFile())) {
                    Files.deleteIfExists(png);
                    throw new ImageRejectedException("The GIF could not be made a PNG.");
                }
                return png;
            } catch (IOException | IndexOutOfBoundsException e) {
                throw new ImageRejectedException("The GIF could not be read (" + e.getMessage() + ").");
            } finally {
                reader.dispose();
            }
        }
    }
}
