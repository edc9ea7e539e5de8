package org.copydesk.demo;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Pictures for the demo's stories, drawn rather than shipped: a sky and layers of hills in a story's own colour, wide
 * enough for the story page's largest width, so the demo's pages carry images as real ones do (widths, srcset,
 * og:image). Each is encoded in its widths at start-up: kept to 1200 pixels, the demo's first start stays short.
 * Shapes only, no text: no font needs to be installed where the app runs.
 */
final class DemoPictures {

    static final int WIDTH = 1200;
    static final int HEIGHT = 675;

    private DemoPictures() {
    }

    /** A JPEG landscape in the given hue (0–1); the same hue and seed draw the same picture. */
    static byte[] landscape(float hue, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.35f, 0.95f), 0, HEIGHT * 0.7f,
                    Color.getHSBColor(hue + 0.05f, 0.15f, 1f)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.getHSBColor(hue + 0.1f, 0.25f, 1f));
            int sun = 140 + random.nextInt(80);
            g.fillOval(200 + random.nextInt(WIDTH - 400), 80 + random.nextInt(160), sun, sun);
            for (int layer = 0; layer < 4; layer++) {
                float depth = layer / 3f;
                g.setColor(Color.getHSBColor(hue + 0.02f * layer, 0.3f + 0.4f * depth, 0.75f - 0.45f * depth));
                g.fill(hills(random, HEIGHT * (0.45f + 0.15f * layer), 60 + 40 * layer));
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path2D hills(Random random, float base, int rise) {
        Path2D path = new Path2D.Float();
        path.moveTo(0, HEIGHT);
        float y = base;
        for (int x = 0; x <= WIDTH; x += 80) {
            y = Math.max(base - rise, Math.min(base + rise, y + random.nextInt(2 * rise + 1) - rise));
            path.lineTo(x, y);
        }
        path.lineTo(WIDTH, HEIGHT);
        path.closePath();
        return path;
    }
}
