package org.copydesk.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import net.coobird.thumbnailator.Thumbnails;
import org.copydesk.people.StaffAccount;

/**
 * Takes uploads: the type is read from the bytes (never the file name), only JPEG, PNG and WebP are
 * accepted (SVG can carry scripts and is refused), and every upload is decoded and encoded afresh, so
 * no metadata (camera, GPS) or payload hidden in the file survives. Widths are made once, here.
 */
@ApplicationScoped
@jakarta.inject.Named("images")
public class ImageStore {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    static final long MAX_PIXELS = 50_000_000L;
    static final double JPEG_QUALITY = 0.82;
    /** ImageIO's format names → ours. */
    private static final Map<String, String> ACCEPTED = Map.of("jpeg", "jpeg", "jpg", "jpeg", "png", "png", "webp", "webp");
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        // Plugins on the application's class path (WebP, better JPEG) are found by a scan, not at JVM start.
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    @Inject
    Clock clock;

    @Transactional
    public Image store(byte[] upload, StaffAccount uploader) {
        if (upload == null || upload.length == 0) {
            throw new ImageRejectedException("Choose an image file to upload.");
        }
        if (upload.length > MAX_BYTES) {
            throw new ImageRejectedException("The image is larger than 10 MB. Save it smaller and upload it again.");
        }
        String uploadedFormat = checkFormatAndSize(upload);
        BufferedImage decoded;
        try {
            // Thumbnailator turns the picture upright by its EXIF orientation, as cameras mean it.
            decoded = Thumbnails.of(new ByteArrayInputStream(upload)).scale(1.0).asBufferedImage();
        } catch (IOException | RuntimeException e) {
            throw new ImageRejectedException("The image could not be read: the file may be damaged.");
        }
        boolean transparent = decoded.getColorModel().hasAlpha();
        Image image = new Image();
        image.publicKey = newKey();
        image.width = Math.min(decoded.getWidth(), Image.MAX_WIDTH);
        image.height = Math.max(1, Math.round((float) decoded.getHeight() * image.width / decoded.getWidth()));
        image.format = transparent ? "png" : "jpeg";
        image.uploadedFormat = uploadedFormat;
        image.uploadedBytes = upload.length;
        image.createdBy = uploader;
        image.createdAt = clock.instant();
        image.persist();
        for (int width : image.widths()) {
            ImageRendition rendition = new ImageRendition();
            rendition.imageId = image.id;
            rendition.width = width;
            rendition.height = image.heightAt(width);
            rendition.bytes = encode(decoded, width, rendition.height, transparent);
            rendition.persist();
        }
        return image;
    }

    /** For templates: the image with this key, or null. */
    public Image byKey(String key) {
        return key == null || key.isBlank() ? null : Image.findByKey(key.strip()).orElse(null);
    }

    /** The format named by the file's own bytes; refuses anything else, and images too large to decode safely. */
    static String checkFormatAndSize(byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.hasNext() ? readers.next() : null;
            String format = reader == null ? null : ACCEPTED.get(reader.getFormatName().toLowerCase(Locale.ROOT));
            if (format == null) {
                throw new ImageRejectedException("That file is not a JPEG, PNG or WebP image. Other formats, SVG among them, are not accepted.");
            }
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new ImageRejectedException("The image has over 50 million pixels. Save it smaller and upload it again.");
                }
            } finally {
                reader.dispose();
            }
            return format;
        } catch (IOException e) {
            throw new ImageRejectedException("The image could not be read: the file may be damaged.");
        }
    }

    private static byte[] encode(BufferedImage source, int width, int height, boolean png) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var builder = Thumbnails.of(source).forceSize(width, height).outputFormat(png ? "png" : "jpg");
            if (!png) {
                builder.outputQuality(JPEG_QUALITY).imageType(BufferedImage.TYPE_INT_RGB);
            }
            builder.toOutputStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Could not encode an image", e);
        }
    }

    private static String newKey() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
