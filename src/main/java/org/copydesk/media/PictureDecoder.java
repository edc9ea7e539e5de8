package org.copydesk.media;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * Reads an upload at the size it is stored at, upright, never holding the picture at full resolution.
 *
 * <p>The widest width kept is {@link Image#MAX_WIDTH}, so the reader is asked for every n-th pixel of every
 * n-th row (source subsampling, n the largest that still leaves at least that width), and, where even that
 * is large (a 12-megapixel photo has n = 1), for a band of rows at a time: each band is scaled into the
 * stored picture as it comes and dropped. Measured with the production options (docs/operations.md): the
 * JPEG readers (TwelveMonkeys over the JDK's) and the JDK's PNG reader hold only the band asked for, plus a
 * row; reading a band again costs decoding the rows above it once more, cheap for a baseline JPEG (a 24 MP
 * photo decodes in about 0.1 s) and a plain PNG. Three readers must decode the whole picture for any band
 * (a progressive JPEG, an interlaced PNG, a WebP): they get larger bands, so fewer passes.
 * TwelveMonkeys' WebP reader decodes lossless WebP, and the transparency of a WebP, into a raster of the
 * whole picture whatever is asked (4 bytes a pixel): those are read only up to {@link #MAX_WHOLE_DECODE_BYTES}.
 *
 * <p>Bands overlap by the rows the bilinear filter reaches into, and each band draws only its own rows of the
 * stored picture, so bands leave no seam. The EXIF orientation is applied in the same drawing.
 */
final class PictureDecoder {

    /** ImageIO's format names → ours. */
    private static final Map<String, String> ACCEPTED = Map.of("jpeg", "jpeg", "jpg", "jpeg", "png", "png", "webp", "webp");
    static final long MAX_PIXELS = 50_000_000L;
    /** The tallest stored picture at full width: 2:3, a portrait photo. Taller ones are stored narrower. */
    static final long MAX_STORED_PIXELS = (long) Image.MAX_WIDTH * 3600;
    /** A band of the decoded picture, for readers that skip rows cheaply. */
    static final long BAND_BYTES = 4L << 20;
    /** A band for readers that decode the whole picture whatever band is asked. */
    static final long WHOLE_PASS_BAND_BYTES = 18L << 20;
    /** What a reader that decodes the whole picture at full size may take. */
    static final long MAX_WHOLE_DECODE_BYTES = 24L << 20;
    /** Rows the bilinear filter reads beyond a band's own, on each side (one needed, one to spare). */
    private static final int OVERLAP = 2;
    /** The largest band decoded since start (or since tests last reset it), in bytes: what the bound is about. */
    private static final AtomicLong LARGEST_BAND_BYTES = new AtomicLong();

    /** The stored picture, upright, at its stored size; its format, and whether it has transparency. */
    static final class Decoded {
        private BufferedImage picture;
        final String uploadedFormat;
        final boolean transparent;
        final int width;
        final int height;

        Decoded(BufferedImage picture, String uploadedFormat, boolean transparent) {
            this.picture = picture;
            this.uploadedFormat = uploadedFormat;
            this.transparent = transparent;
            this.width = picture.getWidth();
            this.height = picture.getHeight();
        }

        /** The picture, handed over once: this holder lets go of it, so that it can be freed as soon as it is used. */
        BufferedImage take() {
            BufferedImage taken = picture;
            picture = null;
            return taken;
        }
    }

    /** What is known of an upload before it is decoded: enough to refuse it without decoding. */
    record Facts(String format, int width, int height) {
    }

    private PictureDecoder() {
    }

    static {
        // Plugins on the application's class path (WebP, better JPEG) are found by a scan, not at JVM start.
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    /** The format named by the file's own bytes and its size; refuses anything else, and pictures over 50 Mpx. */
    static Facts facts(ImageUpload upload) {
        try (ImageInputStream in = upload.open()) {
            ImageReader reader = readerFor(in);
            try {
                return facts(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw rejected(e);
        }
    }

    static Decoded decode(ImageUpload upload) {
        try (ImageInputStream in = upload.open()) {
            ImageReader reader = readerFor(in);
            try {
                Facts facts = facts(reader);
                return new Reading(upload, reader, facts).read();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw rejected(e);
        }
    }

    private static ImageRejectedException rejected(Exception e) {
        if (e instanceof ImageRejectedException rejected) {
            return rejected;
        }
        return new ImageRejectedException("The image could not be read: the file may be damaged.");
    }

    private static ImageReader readerFor(ImageInputStream in) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        ImageReader reader = readers.hasNext() ? readers.next() : null;
        if (reader == null || !ACCEPTED.containsKey(reader.getFormatName().toLowerCase(Locale.ROOT))) {
            throw new ImageRejectedException("That file is not a JPEG, PNG or WebP image. Other formats, SVG among them, are not accepted.");
        }
        // Not forward-only: a band is read by seeking back to the start of the picture.
        reader.setInput(in, false, true);
        return reader;
    }

    private static Facts facts(ImageReader reader) throws IOException {
        String format = ACCEPTED.get(reader.getFormatName().toLowerCase(Locale.ROOT));
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if ((long) width * height > MAX_PIXELS) {
            throw new ImageRejectedException("The image has over 50 million pixels. Save it smaller and upload it again.");
        }
        return new Facts(format, width, height);
    }

    /** One decode: the geometry worked out once, then the bands. */
    private static final class Reading {
        private final ImageUpload upload;
        private final ImageReader reader;
        private final Facts facts;

        Reading(ImageUpload upload, ImageReader reader, Facts facts) {
            this.upload = upload;
            this.reader = reader;
            this.facts = facts;
        }

        Decoded read() throws IOException {
            String format = facts.format();
            int width = facts.width();
            int height = facts.height();
            Orientation orientation = Orientation.UPRIGHT;
            boolean wholePass;
            if ("jpeg".equals(format)) {
                JpegHeader header = JpegHeader.read(upload);
                orientation = header.orientation();
                wholePass = header.progressive();
            } else if ("png".equals(format)) {
                wholePass = PngHeader.interlaced(upload);
            } else {
                WebpHeader header = WebpHeader.read(upload);
                wholePass = true;
                if (header.decodedWhole() && (long) width * height * 4 > MAX_WHOLE_DECODE_BYTES) {
                    throw new ImageRejectedException("This WebP image is lossless or has transparency, and at "
                            + megapixels(width, height) + " megapixels it is too large to read here (up to "
                            + MAX_WHOLE_DECODE_BYTES / 4 / 1_000_000 + " megapixels). Save it as a PNG or a JPEG and upload it again.");
                }
            }
            ImageTypeSpecifier type = destinationType(format);
            boolean transparent = !"jpeg".equals(format) && type.getColorModel().hasAlpha();

            // The stored picture: upright, at most MAX_WIDTH wide and MAX_STORED_PIXELS in all.
            int uprightWidth = orientation.swapsSides() ? height : width;
            int uprightHeight = orientation.swapsSides() ? width : height;
            int storedWidth = Math.min(uprightWidth, Image.MAX_WIDTH);
            if ((long) storedWidth * heightFor(storedWidth, uprightWidth, uprightHeight) > MAX_STORED_PIXELS) {
                storedWidth = Math.max(1, (int) Math.sqrt((double) MAX_STORED_PIXELS * uprightWidth / uprightHeight));
            }
            int storedHeight = heightFor(storedWidth, uprightWidth, uprightHeight);
            // The same, in the stored (sensor) orientation.
            int targetWidth = orientation.swapsSides() ? storedHeight : storedWidth;
            int targetHeight = orientation.swapsSides() ? storedWidth : storedHeight;

            // Every n-th pixel, n as large as leaves the decoded picture no smaller than the stored one.
            int n = Math.max(1, Math.min(width / targetWidth, height / targetHeight));
            int decodedWidth = (width + n - 1) / n;
            int decodedHeight = (height + n - 1) / n;
            long rowBytes = (long) decodedWidth * bytesPerPixel(type);
            int bandRows = (int) Math.max(OVERLAP * 2 + 8, (wholePass ? WHOLE_PASS_BAND_BYTES : BAND_BYTES) / rowBytes);

            double scaleX = (double) targetWidth / width;
            double scaleY = (double) targetHeight / height;
            double decodedRowsPerTargetRow = 1 / (scaleY * n);
            int targetRowsPerBand = Math.max(1, (int) ((bandRows - 2 * OVERLAP - 1) / decodedRowsPerTargetRow));
            AffineTransform upright = orientation.transform(targetWidth, targetHeight);

            BufferedImage stored = null;
            for (int first = 0; first < targetHeight; first += targetRowsPerBand) {
                int last = Math.min(targetHeight, first + targetRowsPerBand); // exclusive
                int top = Math.max(0, (int) Math.floor(decodedRow(first + 0.5, scaleY, n) - 0.5) - OVERLAP);
                int bottom = Math.min(decodedHeight, (int) Math.floor(decodedRow(last - 0.5, scaleY, n) - 0.5) + 1 + OVERLAP);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setDestinationType(type);
                param.setSourceSubsampling(n, n, 0, 0);
                if (top > 0 || bottom < decodedHeight) {
                    int sourceTop = top * n;
                    int sourceBottom = Math.min(height, (bottom - 1) * n + 1);
                    param.setSourceRegion(new Rectangle(0, sourceTop, width, sourceBottom - sourceTop));
                }
                BufferedImage band = reader.read(0, param);
                LARGEST_BAND_BYTES.accumulateAndGet((long) band.getWidth() * band.getHeight() * bytesPerPixel(type), Math::max);
                if (stored == null) {
                    // Made once the first band is read: a reader's own working memory is garbage by now.
                    stored = new BufferedImage(storedWidth, storedHeight, transparent ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR);
                }
                draw(band, stored, upright, n, top, scaleX, scaleY, new Rectangle(0, first, targetWidth, last - first));
            }
            return new Decoded(stored, format, transparent);
        }

        /**
         * A type the reader offers: three bytes a pixel for opaque pictures, four with transparency, where offered
         * (the readers' own choice may be four bytes, or ints, for an opaque JPEG).
         */
        private ImageTypeSpecifier destinationType(String format) throws IOException {
            ImageTypeSpecifier raw = reader.getRawImageType(0);
            boolean alpha = !"jpeg".equals(format) && raw != null && raw.getColorModel().hasAlpha();
            int wanted = alpha ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR;
            ImageTypeSpecifier first = null;
            for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext(); ) {
                ImageTypeSpecifier type = types.next();
                if (first == null) {
                    first = type;
                }
                if (type.getBufferedImageType() == wanted) {
                    return type;
                }
            }
            if (first == null) {
                throw new IOException("The reader offers no image type");
            }
            return first;
        }
    }

    /** The decoded row (continuous, pixel centres at .5) that a stored-picture row (continuous) samples. */
    private static double decodedRow(double targetRow, double scaleY, int n) {
        double sourceRow = targetRow / scaleY;
        return (sourceRow + (n - 1) / 2.0) / n;
    }

    /**
     * Scales a band into the stored picture and turns it upright: the band's pixel (x, y) is the source's
     * (x·n, (y + top)·n); only the stored-picture rows {@code own} (in the sensor orientation) are drawn.
     */
    private static void draw(BufferedImage band, BufferedImage stored, AffineTransform upright, int n, int top,
            double scaleX, double scaleY, Rectangle own) {
        AffineTransform toStored = new AffineTransform(upright);
        // A decoded pixel's centre x + 0.5 is the source's x·n + 0.5: source = n·decoded − (n − 1)/2.
        toStored.scale(scaleX, scaleY);
        toStored.translate(-(n - 1) / 2.0, -(n - 1) / 2.0 + (double) top * n);
        toStored.scale(n, n);
        Rectangle2D clip = upright.createTransformedShape(own).getBounds2D();
        Graphics2D g = stored.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setComposite(AlphaComposite.Src);
            g.setClip(new Rectangle((int) Math.round(clip.getX()), (int) Math.round(clip.getY()),
                    (int) Math.round(clip.getWidth()), (int) Math.round(clip.getHeight())));
            g.drawImage(band, toStored, null);
        } finally {
            g.dispose();
        }
    }

    /** For tests: the largest band decoded since the last call, in bytes (and starts counting afresh). */
    static long largestBandBytesSinceLastAsked() {
        return LARGEST_BAND_BYTES.getAndSet(0);
    }

    static int heightFor(int width, int originalWidth, int originalHeight) {
        return Math.max(1, Math.round((float) originalHeight * width / originalWidth));
    }

    private static int bytesPerPixel(ImageTypeSpecifier type) {
        int bits = 0;
        for (int size : type.getSampleModel().getSampleSize()) {
            bits += size;
        }
        return Math.max(1, (bits + 7) / 8);
    }

    private static String megapixels(int width, int height) {
        return String.format(Locale.ROOT, "%.0f", (double) width * height / 1_000_000);
    }

    /** What the JPEG's header says: which way up (EXIF), and whether it is progressive. */
    record JpegHeader(Orientation orientation, boolean progressive) {

        private static final List<String> ANY = JPEGSegmentUtil.ALL_IDS;
        private static final Map<Integer, List<String>> WANTED = Map.of(JPEG.APP1, List.of("Exif"),
                JPEG.SOF2, ANY, JPEG.SOF6, ANY, JPEG.SOF10, ANY, JPEG.SOF14, ANY);

        static JpegHeader read(ImageUpload upload) {
            Orientation orientation = Orientation.UPRIGHT;
            boolean progressive = false;
            try (ImageInputStream in = upload.open()) {
                for (JPEGSegment segment : JPEGSegmentUtil.readSegments(in, WANTED)) {
                    if (segment.marker() == JPEG.APP1) {
                        orientation = orientation == Orientation.UPRIGHT ? exifOrientation(segment) : orientation;
                    } else {
                        progressive = true;
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // A damaged header is the decoder's to refuse; the picture is then taken as upright.
            }
            return new JpegHeader(orientation, progressive);
        }

        private static Orientation exifOrientation(JPEGSegment exif) throws IOException {
            try (var data = exif.data()) {
                data.read(); // the pad byte after "Exif\0"
                try (ImageInputStream tiff = ImageIO.createImageInputStream(data)) {
                    Directory directory = new TIFFReader().read(tiff);
                    Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                    return entry != null && entry.getValue() instanceof Number value ? Orientation.ofTag(value.intValue()) : Orientation.UPRIGHT;
                }
            }
        }
    }

    /** Whether a PNG is interlaced (Adam7): its IHDR chunk, at a fixed place. */
    static final class PngHeader {
        private PngHeader() {
        }

        static boolean interlaced(ImageUpload upload) throws IOException {
            try (ImageInputStream in = upload.open()) {
                in.seek(8 + 4 + 4 + 12); // signature, length, "IHDR", then width … filter method
                return in.read() == 1;
            }
        }
    }

    /**
     * What kind of WebP: lossy pictures are decoded straight into the (subsampled) destination; lossless ones
     * and the transparency of lossy ones go through a raster of the whole picture (and animations are counted
     * with them: their frames may be either).
     */
    record WebpHeader(boolean decodedWhole) {

        static WebpHeader read(ImageUpload upload) throws IOException {
            try (ImageInputStream in = upload.open()) {
                in.setByteOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
                in.seek(12); // "RIFF", size, "WEBP"
                boolean whole = false;
                for (int chunks = 0; chunks < 64; chunks++) {
                    byte[] fourCc = new byte[4];
                    if (in.read(fourCc) < 4) {
                        break;
                    }
                    long length = in.readUnsignedInt();
                    String name = new String(fourCc, java.nio.charset.StandardCharsets.US_ASCII);
                    if (name.equals("VP8L") || name.equals("ALPH") || name.equals("ANIM")) {
                        whole = true;
                    }
                    if (name.equals("VP8 ") || name.equals("VP8L")) {
                        break; // the picture itself: what follows is metadata
                    }
                    in.seek(in.getStreamPosition() + length + (length & 1));
                }
                return new WebpHeader(whole);
            }
        }
    }
}
