package org.copydesk.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.multipart.FileItem;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * An uploaded file as the server received it: on disk (where multipart uploads are written), or in
 * memory. It is read where it lies, a few kilobytes at a time: ten megabytes of upload are not copied
 * into the heap while the picture waits its turn or is decoded.
 */
public final class ImageUpload {

    private final Path file;
    private final byte[] bytes;

    private ImageUpload(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    public static ImageUpload of(Path file) {
        return new ImageUpload(file, null);
    }

    public static ImageUpload of(byte[] bytes) {
        return new ImageUpload(null, bytes);
    }

    /** The file chosen in a form field ({@code @RestForm FileUpload}), or null when none was chosen. */
    public static ImageUpload of(FileUpload file) {
        if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isEmpty()) {
            return null;
        }
        return of(file.uploadedFile());
    }

    /** The file chosen in the multipart form's field {@code name}, or null when none was chosen. */
    public static ImageUpload of(MultipartFormDataInput input, String name) {
        Collection<FormValue> values = input.getValues().get(name);
        if (values == null) {
            return null;
        }
        for (FormValue value : values) {
            if (value.isFileItem() && value.getFileName() != null && !value.getFileName().isEmpty()) {
                FileItem item = value.getFileItem();
                if (!item.isInMemory()) {
                    return of(item.getFile());
                }
                try (InputStream in = item.getInputStream()) {
                    return of(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return null;
    }

    /** Nothing chosen (no file, or an empty one). */
    public boolean isEmpty() {
        return size() == 0;
    }

    public long size() {
        if (bytes != null) {
            return bytes.length;
        }
        try {
            return file == null ? 0 : Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new seekable stream over the whole file (buffered: the WebP reader reads a bit at a time). */
    ImageInputStream open() throws IOException {
        if (bytes != null) {
            return new ByteArrayImageInputStream(bytes);
        }
        ImageInputStream in = ImageIO.createImageInputStream(file.toFile());
        if (in == null) {
            throw new IOException("No image stream for " + file);
        }
        return in;
    }
}
