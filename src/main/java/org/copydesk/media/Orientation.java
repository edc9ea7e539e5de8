package org.copydesk.media;

import java.awt.geom.AffineTransform;

/**
 * How a camera says its picture is to be turned to stand upright (the EXIF orientation tag, 1 to 8): the
 * pixels are stored as the sensor read them, and the tag says which way up the camera was held.
 */
enum Orientation {
    UPRIGHT, MIRRORED, UPSIDE_DOWN, MIRRORED_UPSIDE_DOWN, TRANSPOSED, TURNED_RIGHT, TRANSVERSE, TURNED_LEFT;

    /** The tag's value (1 to 8); anything else (missing, damaged) counts as upright. */
    static Orientation ofTag(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : UPRIGHT;
    }

    /** Turned a quarter: the upright picture's width is the stored picture's height. */
    boolean swapsSides() {
        return ordinal() >= TRANSPOSED.ordinal();
    }

    /**
     * From the stored picture's coordinates to the upright picture's, for a stored picture {@code width} by
     * {@code height} (in the units the transform is applied to).
     */
    AffineTransform transform(double width, double height) {
        return switch (this) {
            case UPRIGHT -> new AffineTransform();
            case MIRRORED -> new AffineTransform(-1, 0, 0, 1, width, 0);
            case UPSIDE_DOWN -> new AffineTransform(-1, 0, 0, -1, width, height);
            case MIRRORED_UPSIDE_DOWN -> new AffineTransform(1, 0, 0, -1, 0, height);
            case TRANSPOSED -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case TURNED_RIGHT -> new AffineTransform(0, 1, -1, 0, height, 0);
            case TRANSVERSE -> new AffineTransform(0, -1, -1, 0, height, width);
            case TURNED_LEFT -> new AffineTransform(0, -1, 1, 0, 0, width);
        };
    }
}
