package org.copydesk.media;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The widths an image is served in, made from the stored picture and encoded afresh: JPEG at quality
 * 0.82, or PNG where the picture has transparency; nothing of the upload's metadata is written.
 * Each width is scaled from the next wider one (never by more than 1.67 times, so bilinear filtering
 * is enough), and the wider picture is let go as soon as the next is made: at most two are held at once.
 */
final class Renditions {

    static final float JPEG_QUALITY = 0.82f;

    /** One width, encoded. */
    record Encoded(int width, int height, byte[] bytes) {
    }

    private Renditions() {
    }

    /** Every width of the decoded picture, widest first (its own width included). */
    static List<Encoded> encode(PictureDecoder.Decoded decoded) {
        List<Integer> widths = new ArrayList<>(Image.widthsFor(decoded.width));
        Collections.reverse(widths);
        List<Encoded> encoded = new ArrayList<>();
        boolean png = decoded.transparent;
        BufferedImage current = decoded.take();
        for (int width : widths) {
            int height = PictureDecoder.heightFor(width, decoded.width, decoded.height);
            if (width != current.getWidth()) {
                current = scaled(current, width, height);
            }
            encoded.add(new Encoded(width, height, png ? png(current) : jpeg(current)));
        }
        return encoded;
    }

    private static BufferedImage scaled(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, source.getType());
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setComposite(AlphaComposite.Src);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage picture) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            return written(writer, picture, param);
        } finally {
            writer.dispose();
        }
    }

    private static byte[] png(BufferedImage picture) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            return written(writer, picture, writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
    }

    private static byte[] written(ImageWriter writer, BufferedImage picture, ImageWriteParam param) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(picture, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode an image", e);
        }
        return out.toByteArray();
    }
}
