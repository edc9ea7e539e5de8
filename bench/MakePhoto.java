import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A camera-like JPEG for the benchmarks: {@code java bench/MakePhoto.java 6000 4000 out.jpg}. Gradients, a
 * texture and sensor-like noise at quality 0.85 come out near a real camera's size (24 MP: about 7.7 MB), so the
 * app decodes as much as it would for a real photo.
 */
public class MakePhoto {
    public static void main(String[] args) throws Exception {
        int width = Integer.parseInt(args[0]);
        int height = Integer.parseInt(args[1]);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double texture = Math.sin(x / 37.0) * Math.cos(y / 53.0) * 60 + Math.sin((x + y) / 11.0) * 20;
                int noise = (int) (random.nextGaussian() * 11);
                int red = clamp((int) (120 + 100.0 * x / width + texture) + noise);
                int green = clamp((int) (90 + 120.0 * y / height - texture / 2) + noise);
                int blue = clamp((int) (160 - texture) + noise);
                image.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam quality = writer.getDefaultWriteParam();
        quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        quality.setCompressionQuality(0.85f);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(new File(args[2]))) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), quality);
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
