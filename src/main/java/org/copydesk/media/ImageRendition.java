package org.copydesk.media;

import java.io.Serializable;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One width of an image, encoded and ready to send. */
@Entity
@Table(name = "image_rendition")
@IdClass(ImageRendition.Key.class)
public class ImageRendition extends PanacheEntityBase {

    /** Composite key: the image and the width. */
    public static class Key implements Serializable {
        public Long imageId;
        public Integer width;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(imageId, k.imageId) && Objects.equals(width, k.width);
        }

        @Override
        public int hashCode() {
            return Objects.hash(imageId, width);
        }
    }

    @Id
    @Column(name = "image_id")
    public Long imageId;

    @Id
    public Integer width;

    public int height;

    public byte[] bytes;
}
