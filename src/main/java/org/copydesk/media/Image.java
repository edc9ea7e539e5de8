package org.copydesk.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;


/** An uploaded image: its size and the widths it is served in. The bytes live in {@link ImageRendition}. */
@Entity
@Table(name = "image")
public class Image extends PanacheEntity {

    /** The widths made of every image (those narrower than the upload), plus the upload's own width. */
    public static final List<Integer> WIDTHS = List.of(480, 800, 1200, 1600);
    /** Wider uploads are brought down to this. */
    public static final int MAX_WIDTH = 2400;

    @Column(name = "public_key")
    public String publicKey;

    public int width;

    public int height;

    /** "jpeg" or "png": what is served. */
    public String format;

    @Column(name = "uploaded_format")
    public String uploadedFormat;

    @Column(name = "uploaded_bytes")
    public int uploadedBytes;

    /** The staff account that uploaded it, by id: media sits below people (whose author profiles have photos). */
    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Image> findByKey(String key) {
        return find("publicKey", key).firstResultOptional();
    }

    /** The widths this image is served in, narrowest first. */
    public List<Integer> widths() {
        return widthsFor(width);
    }

    /** The widths made of an image {@code width} pixels wide: the standard ones below it, and its own. */
    public static List<Integer> widthsFor(int width) {
        List<Integer> widths = new ArrayList<>();
        for (int w : WIDTHS) {
            if (w < width) {
                widths.add(w);
            }
        }
        widths.add(width);
        return widths;
    }

    public String extension() {
        return "png".equals(format) ? "png" : "jpg";
    }

    public String url(int w) {
        return "/images/" + publicKey + "/" + w + "." + extension();
    }

    /** The width to use where one address is needed (img src, og:image): 1200 or the nearest below. */
    public int standardWidth() {
        int best = widths().get(0);
        for (int w : widths()) {
            if (w <= 1200) {
                best = w;
            }
        }
        return best;
    }

    public String thumbnailUrl() {
        return url(widths().get(0));
    }

    public int thumbnailWidth() {
        return widths().get(0);
    }

    public int thumbnailHeight() {
        return heightAt(thumbnailWidth());
    }

    public String src() {
        return url(standardWidth());
    }

    public String srcset() {
        StringBuilder out = new StringBuilder();
        for (int w : widths()) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(url(w)).append(' ').append(w).append('w');
        }
        return out.toString();
    }

    /** Height at the standard width, for the img element's width/height (no layout shift). */
    public int heightAt(int w) {
        return Math.max(1, Math.round((float) height * w / width));
    }

    public int standardHeight() {
        return heightAt(standardWidth());
    }
}
