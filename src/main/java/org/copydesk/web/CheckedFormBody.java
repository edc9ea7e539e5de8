package org.copydesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.common.headers.HeaderUtil;
import org.jboss.resteasy.reactive.common.util.MediaTypeHelper;

/**
 * A form body read through a check of its bytes, as Quarkus REST reads it: the bytes pass on unchanged, and
 * the first one that makes the form unreadable throws {@link UnreadableFormException} (a 400 page). Quarkus
 * REST itself turns a broken %-escape into a 500 and bytes that are not in the form's character set
 * (UTF-8 unless it says otherwise) into U+FFFD, stored as if typed; a multipart body cut off before its end
 * became a 500. Checked as the body streams, nothing is held in memory but one field's last bytes.
 */
final class CheckedFormBody extends InputStream {

    /** Reads bytes one at a time and throws when they cannot be a well-formed form. */
    interface Check {
        void accept(byte b);

        default void accept(byte[] bytes, int from, int to) {
            for (int i = from; i < to; i++) {
                accept(bytes[i]);
            }
        }

        /** The body ended: throws when it ended where it may not. */
        void end();
    }

    private final InputStream in;
    private final Check check;
    private final long limit;
    private final boolean importing;
    private long read;
    private boolean ended;

    /** {@code limit}: the bytes the form may have; past it, {@link FormTooLargeException}. */
    CheckedFormBody(InputStream in, Check check, long limit, boolean importing) {
        this.in = in;
        this.check = check;
        this.limit = limit;
        this.importing = importing;
    }

    CheckedFormBody(InputStream in, Check check) {
        this(in, check, Long.MAX_VALUE, false);
    }

    private void counted(int bytes) {
        read += bytes;
        if (read > limit) {
            throw new FormTooLargeException(limit, importing);
        }
    }

    /** The character set a form or part says it is in (UTF-8 when it says nothing), or a refusal. */
    static Charset charsetOf(String contentType) {
        String name = contentType == null ? null : HeaderUtil.extractQuotedValueFromHeader(contentType, "charset");
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnreadableFormException("a character set this server cannot read");
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            ended();
        } else {
            counted(1);
            check.accept((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int n = in.read(bytes, offset, length);
        if (n < 0) {
            ended();
        }
        if (n > 0) {
            counted(n);
            check.accept(bytes, offset, offset + n);
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void ended() {
        if (!ended) {
            ended = true;
            check.end();
        }
    }

    /**
     * The bytes of one field, decoded only to see that they can be (the charset's own decoder, reporting
     * errors instead of replacing them), a few hundred at a time.
     */
    static final class Text {
        private final CharsetDecoder decoder;
        private final ByteBuffer bytes = ByteBuffer.allocate(256);
        private final CharBuffer chars = CharBuffer.allocate(256);

        Text(Charset charset) {
            decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        void accept(byte b) {
            if (!bytes.hasRemaining()) {
                decode(false);
            }
            bytes.put(b);
        }

        /** The field ended: its last bytes must complete a character. */
        void end() {
            decode(true);
            decoder.reset();
        }

        private void decode(boolean last) {
            bytes.flip();
            CoderResult result;
            do {
                chars.clear();
                result = decoder.decode(bytes, chars, last);
                if (result.isError()) {
                    throw new UnreadableFormException("bytes that are not " + decoder.charset().name());
                }
            } while (result.isOverflow());
            if (last) {
                chars.clear();
                decoder.flush(chars);
            }
            bytes.compact();
        }
    }

    /**
     * application/x-www-form-urlencoded: every %-escape is two hex digits, and each name and value, once
     * decoded, is text in the form's character set.
     */
    static final class UrlEncoded implements Check {
        private final Text text;
        /** -1 outside an escape; else how many of its hex digits have been read. */
        private int escape = -1;
        private int high;

        UrlEncoded(Charset charset) {
            text = new Text(charset);
        }

        @Override
        public void accept(byte b) {
            if (escape >= 0) {
                int digit = Character.digit(b & 0xFF, 16);
                if (digit < 0) {
                    throw new UnreadableFormException("a %-escape that is not two hex digits");
                }
                if (escape == 0) {
                    high = digit;
                    escape = 1;
                } else {
                    text.accept((byte) (high << 4 | digit));
                    escape = -1;
                }
                return;
            }
            switch (b) {
                case '%' -> escape = 0;
                // A character cut by "=" or "&" is not one: each name and value is checked on its own.
                case '&', '=' -> text.end();
                case '+' -> text.accept((byte) ' ');
                default -> text.accept(b);
            }
        }

        @Override
        public void end() {
            if (escape >= 0) {
                throw new UnreadableFormException("a %-escape cut off at the end of the form");
            }
            text.end();
        }
    }

    /**
     * multipart/form-data: the body starts with its boundary and ends with the closing one; each part has
     * well-formed headers; the text fields (parts without a file name, as Quarkus REST tells them apart) are
     * text in their character set. Files pass unread but for the search for the next boundary.
     */
    static final class Multipart implements Check {
        private static final int HEADERS_MAX = 16 * 1024;

        private enum State { PREAMBLE, AFTER_BOUNDARY, CLOSING, PADDING, HEADERS, CONTENT, EPILOGUE }

        /** CR LF "--" boundary: what ends a part's content (and, without the CR LF, may open the body). */
        private final byte[] delimiter;
        private State state = State.PREAMBLE;
        /** How many bytes of the delimiter the last bytes matched; the body may open with it, as if after a CR LF. */
        private int matched = 2;
        private final java.io.ByteArrayOutputStream headers = new java.io.ByteArrayOutputStream();
        /** The last four header bytes, to see the blank line that ends them. */
        private int lastFour;
        /** The current part's text check, or null for a file. */
        private Text field;

        Multipart(String boundary) {
            delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void accept(byte b) {
            switch (state) {
                case PREAMBLE, CONTENT -> content(b);
                case AFTER_BOUNDARY -> {
                    if (b == '-') {
                        state = State.CLOSING;
                    } else {
                        state = State.PADDING;
                        padding(b);
                    }
                }
                case CLOSING -> {
                    if (b != '-') {
                        throw new UnreadableFormException("a multipart boundary followed by a single hyphen");
                    }
                    state = State.EPILOGUE;
                }
                case PADDING -> padding(b);
                case HEADERS -> header(b);
                case EPILOGUE -> {
                }
            }
        }

        /** A file's bytes (and the preamble's) only matter from a CR on, which may start the boundary: skipped to it. */
        @Override
        public void accept(byte[] bytes, int from, int to) {
            int i = from;
            while (i < to) {
                if (matched == 0 && (state == State.PREAMBLE || (state == State.CONTENT && field == null))) {
                    while (i < to && bytes[i] != '\r') {
                        i++;
                    }
                    if (i == to) {
                        return;
                    }
                }
                accept(bytes[i++]);
            }
        }

        @Override
        public void end() {
            if (state != State.EPILOGUE) {
                throw new UnreadableFormException(state == State.PREAMBLE ? "a multipart body without its boundary"
                        : "a multipart body cut off before its closing boundary");
            }
        }

        /** Content (or the preamble): look for the delimiter; bytes that turn out not to be it are the field's. */
        private void content(byte b) {
            if (b == delimiter[matched]) {
                if (++matched == delimiter.length) {
                    if (field != null) {
                        field.end();
                    }
                    matched = 0;
                    state = State.AFTER_BOUNDARY;
                }
                return;
            }
            // The boundary holds no CR, so a failed match can only start again at this byte.
            if (state == State.CONTENT && field != null) {
                for (int i = 0; i < matched; i++) {
                    field.accept(delimiter[i]);
                }
            }
            matched = 0;
            if (b == delimiter[0]) {
                matched = 1;
            } else if (state == State.CONTENT && field != null) {
                field.accept(b);
            }
        }

        /** After a boundary: optional spaces, then CR LF and the part's headers. */
        private void padding(byte b) {
            if (b == '\r' || b == ' ' || b == '\t') {
                return;
            }
            if (b != '\n') {
                throw new UnreadableFormException("a multipart boundary followed by something other than a line end");
            }
            headers.reset();
            lastFour = 0;
            state = State.HEADERS;
        }

        private void header(byte b) {
            headers.write(b);
            lastFour = lastFour << 8 | (b & 0xFF);
            if (headers.size() > HEADERS_MAX) {
                throw new UnreadableFormException("multipart part headers over " + HEADERS_MAX + " bytes");
            }
            // The headers end at a blank line: CR LF CR LF, or a CR LF right away when there are none.
            if (lastFour == 0x0D0A0D0A || (headers.size() == 2 && (lastFour & 0xFFFF) == 0x0D0A)) {
                startPart(headers.toByteArray());
            }
        }

        /** The part's headers are read: decide whether its content is a text field and in what character set. */
        private void startPart(byte[] raw) {
            Text headerText = new Text(StandardCharsets.UTF_8);
            for (byte b : raw) {
                headerText.accept(b);
            }
            headerText.end();
            String disposition = null;
            String contentType = null;
            for (String line : new String(raw, StandardCharsets.UTF_8).split("\r\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new UnreadableFormException("a multipart header line without a name");
                }
                String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                switch (name) {
                    case "content-disposition" -> disposition = value;
                    case "content-type" -> contentType = value;
                    case "content-transfer-encoding" -> {
                        // Quarkus REST would decode base64 or quoted-printable and keep what that gives unchecked;
                        // browsers never send it (RFC 7578).
                        String encoding = value.toLowerCase(Locale.ROOT);
                        if (!encoding.equals("7bit") && !encoding.equals("8bit") && !encoding.equals("binary")) {
                            throw new UnreadableFormException("a multipart part in a transfer encoding");
                        }
                    }
                    default -> {
                    }
                }
            }
            boolean file = disposition != null && HeaderUtil.extractQuotedValueFromHeaderWithEncoding(disposition, "filename") != null;
            field = file || !isText(contentType) ? null : new Text(charsetOf(contentType));
            matched = 0;
            state = State.CONTENT;
        }

        /** As Quarkus REST decides: a part without a type, or with a text-like one, becomes a string. */
        private static boolean isText(String contentType) {
            if (contentType == null || contentType.isEmpty()) {
                return true;
            }
            try {
                return MediaTypeHelper.isTextLike(MediaType.valueOf(contentType));
            } catch (IllegalArgumentException e) {
                throw new UnreadableFormException("a multipart part with an unreadable content type");
            }
        }
    }
}
