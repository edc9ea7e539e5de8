package org.copydesk.media;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Takes uploads: the type is read from the bytes (never the file name), only JPEG, PNG and WebP are
 * accepted (SVG can carry scripts and is refused), and every upload is decoded and encoded afresh, so
 * no metadata (camera, GPS) or payload hidden in the file survives. Widths are made once, here.
 *
 * <p>Pictures up to 10 MB and 50 megapixels are read at the size they are stored at ({@link PictureDecoder}),
 * one or a few at a time ({@link DecodeTurns}), outside any transaction: a connection is not held while a
 * picture waits or is decoded. Only the encoded widths are then stored, in one short transaction.
 */
@ApplicationScoped
@jakarta.inject.Named("images")
public class ImageStore {

    private static final Logger LOG = Logger.getLogger(ImageStore.class);
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clock clock;

    @Inject
    DecodeTurns turns;

    /** Stores an upload held in memory (small files, tests). */
    public Image store(byte[] upload, Long uploaderId) {
        return store(upload == null ? null : ImageUpload.of(upload), uploaderId);
    }

    /**
     * Stores the upload in its widths, or refuses it with {@link ImageRejectedException} (a message for the
     * person; {@link ImagesBusyException} when it is the server's load, not the file, that refuses it).
     */
    public Image store(ImageUpload upload, Long uploaderId) {
        if (upload == null || upload.isEmpty()) {
            throw new ImageRejectedException("Choose an image file to upload.");
        }
        long size = upload.size();
        if (size > MAX_BYTES) {
            throw new ImageRejectedException("The image is larger than 10 MB. Save it smaller and upload it again.");
        }
        PictureDecoder.facts(upload); // refuses what is not a picture, or too large, without waiting for a turn
        Prepared prepared = turns.inTurn(() -> prepare(upload));
        return QuarkusTransaction.joiningExisting().call(() -> persist(prepared, (int) size, uploaderId));
    }

    /** The decoded picture's sizes and its widths, encoded. */
    private record Prepared(String uploadedFormat, int width, int height, boolean png, List<Renditions.Encoded> widths) {
    }

    private static Prepared prepare(ImageUpload upload) {
        try {
            PictureDecoder.Decoded decoded = PictureDecoder.decode(upload);
            List<Renditions.Encoded> widths = Renditions.encode(decoded);
            return new Prepared(decoded.uploadedFormat, decoded.width, decoded.height, decoded.transparent, widths);
        } catch (OutOfMemoryError e) {
            // Should not happen (the decoder bounds what it holds); if the heap is short all the same, the
            // picture is let go at once and the person told to try again, rather than a bare error.
            LOG.warn("Out of memory while reading an uploaded image of " + upload.size() + " bytes");
            throw new ImagesBusyException("The server is short of memory just now and could not read this image. "
                    + "Nothing is wrong with the file: choose it again and send it in a minute.");
        }
    }

    private Image persist(Prepared prepared, int uploadedBytes, Long uploaderId) {
        Image image = new Image();
        image.publicKey = newKey();
        image.width = prepared.width();
        image.height = prepared.height();
        image.format = prepared.png() ? "png" : "jpeg";
        image.uploadedFormat = prepared.uploadedFormat();
        image.uploadedBytes = uploadedBytes;
        image.createdBy = uploaderId;
        image.createdAt = clock.instant();
        image.persist();
        for (Renditions.Encoded encoded : prepared.widths()) {
            ImageRendition rendition = new ImageRendition();
            rendition.imageId = image.id;
            rendition.width = encoded.width();
            rendition.height = encoded.height();
            rendition.bytes = encoded.bytes();
            rendition.persist();
        }
        return image;
    }

    /** For templates: the image with this key, or null. */
    public Image byKey(String key) {
        return key == null || key.isBlank() ? null : Image.findByKey(key.strip()).orElse(null);
    }

    private static String newKey() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
