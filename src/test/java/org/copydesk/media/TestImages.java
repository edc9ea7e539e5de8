package org.copydesk.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Image files for tests, made on the spot (and the WebP ones, which need cwebp, kept in test resources). */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpg");
    }

    public static byte[] pngWithTransparency(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    public static byte[] webp() {
        return resource("/images/sample.webp");
    }

    private static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pngChunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    /**
     * A JPEG like a camera's: a gradient with noise of the given strength (0 to 255), so it compresses as a
     * photo does (6000 × 4000 with noise 60 is about 8 MB), and its top-left quarter by quarter pure red,
     * so which way up it was stored can be seen. Made in well under a second.
     */
    public static byte[] photo(int width, int height, int noise) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        long random = 0x9E3779B97F4A7C15L;
        int i = 0;
        for (int y = 0; y < height; y++) {
            int green = y * 255 / height;
            for (int x = 0; x < width; x++) {
                random ^= random << 13;
                random ^= random >>> 7;
                random ^= random << 17;
                if (x < width / 4 && y < height / 4) {
                    bgr[i++] = 0;
                    bgr[i++] = 0;
                    bgr[i++] = (byte) 255;
                    continue;
                }
                bgr[i++] = (byte) clamp(128 + (int) ((random >>> 16) & 0xff) * noise / 256 - noise / 2);
                bgr[i++] = (byte) clamp(green + (int) ((random >>> 8) & 0xff) * noise / 256 - noise / 2);
                bgr[i++] = (byte) clamp(x * 255 / width + (int) (random & 0xff) * noise / 256 - noise / 2);
            }
        }
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            writer.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPEG with an EXIF segment saying which way up the camera was held (1 to 8), as phones write it. */
    public static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26); // big-endian TIFF header and one IFD with one entry
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8)
                .putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1)
                .putShort((short) orientation).putShort((short) 0).putInt(0);
        byte[] exif = ("Exif\0\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int length = 2 + exif.length + tiff.capacity();
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + length + 2);
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1); // APP1
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(exif, 0, exif.length);
        out.write(tiff.array(), 0, tiff.capacity());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * A large PNG written a row at a time (the picture is never held whole): horizontal bands of colour,
     * half of it see-through when {@code alpha}. 50 megapixels take about half a second and 5 MB.
     */
    public static byte[] bigPng(int width, int height, boolean alpha) {
        int channels = alpha ? 4 : 3;
        try {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            try (DeflaterOutputStream z = new DeflaterOutputStream(data, new Deflater(Deflater.BEST_SPEED), 1 << 16)) {
                byte[] row = new byte[1 + width * channels];
                for (int y = 0; y < height; y++) {
                    if (y % 32 == 0) {
                        for (int x = 0; x < width; x++) {
                            int p = 1 + x * channels;
                            row[p] = (byte) (x * 255 / width);
                            row[p + 1] = (byte) (y * 255 / height);
                            row[p + 2] = (byte) ((x / 64 + y / 64) % 2 == 0 ? 40 : 200);
                            if (alpha) {
                                row[p + 3] = (byte) (x < width / 2 ? 255 : 100);
                            }
                        }
                    }
                    z.write(row);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream(data.size() + 64);
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
            pngChunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8)
                    .put((byte) (alpha ? 6 : 2)).put((byte) 0).put((byte) 0).put((byte) 0).array());
            pngChunk(png, "IDAT", data.toByteArray());
            pngChunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A lossy WebP of 8660 × 5773 (50 megapixels; cwebp from a gradient with a red top-left quarter). */
    public static byte[] webp50Megapixels() {
        return resource("/images/big-50mp.webp");
    }

    /** A lossless WebP of 3000 × 2500: TwelveMonkeys decodes lossless WebP whole, at full size. */
    public static byte[] losslessWebp7Megapixels() {
        return resource("/images/lossless-7mp.webp");
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 90, 160, type == BufferedImage.TYPE_INT_ARGB ? 120 : 255));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
