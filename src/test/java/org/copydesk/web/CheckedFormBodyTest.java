package org.copydesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The byte checks of {@link CheckedFormBody}, read in every chunk size so that no boundary of a read matters. */
class CheckedFormBodyTest {

    static final String B = "XyZ123";

    @Test
    void urlEncodedFormsPassUnchangedWhenEveryEscapeAndCharacterIsWhole() throws IOException {
        for (String body : new String[] {"", "a=b", "a=%C3%9Cber+alles&b=%E2%80%9C%F0%9F%98%80%E2%80%9D", "a", "a=&=b&&",
                "x=" + "Ü".repeat(300) + "&y=%e2%82%ac"}) {
            assertThat(readAll(urlEncoded(body), 1)).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
            assertThat(readAll(urlEncoded(body), 7)).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void urlEncodedFormsWithBrokenEscapesOrBytesAreRefused() {
        for (String body : new String[] {"a=%zz", "a=%", "a=%4", "a=%4&b=1", "%G1=b", "a=%C3%28", "a=%C3&b=%9C", "a=%C3=%9C",
                "a=%FF", "a=%ED%A0%80", "a=%F4%90%80%80", "a=%E2%82"}) {
            for (int chunk : new int[] {1, 3, 1024}) {
                assertThatThrownBy(() -> readAll(urlEncoded(body), chunk)).as(body).isInstanceOf(UnreadableFormException.class);
            }
        }
        byte[] raw = {'a', '=', (byte) 0xC3, '('};
        assertThatThrownBy(() -> readAll(new CheckedFormBody(new ByteArrayInputStream(raw),
                new CheckedFormBody.UrlEncoded(StandardCharsets.UTF_8)), 2)).isInstanceOf(UnreadableFormException.class);
    }

    @Test
    void aFormDeclaredInAnotherCharacterSetIsCheckedInThatOne() throws IOException {
        byte[] latin = bytes("a=%DC+%FF");
        assertThat(readAll(new CheckedFormBody(new ByteArrayInputStream(latin),
                new CheckedFormBody.UrlEncoded(CheckedFormBody.charsetOf("application/x-www-form-urlencoded; charset=ISO-8859-1"))), 4))
                .isEqualTo(latin);
        assertThatThrownBy(() -> CheckedFormBody.charsetOf("application/x-www-form-urlencoded; charset=no-such"))
                .isInstanceOf(UnreadableFormException.class);
    }

    @Test
    void multipartBodiesPassUnchangedWithTheirFilesAndBoundaryLookalikes() throws IOException {
        byte[] file = new byte[70_000];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i * 31 + 7);
        }
        // Partial delimiters inside the content: CR LF, CR LF --, CR LF -- and most of the boundary, a lone CR.
        String tricky = "line\r\nnext\r\n--not\r\n--XyZ12 almost\r\r\n--XyZ1\r\nÜ “end”";
        byte[] body = join(bytes("preamble to ignore \u00FF\r\n--" + B + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"),
                tricky.getBytes(StandardCharsets.UTF_8),
                bytes("\r\n--" + B + "  \r\nContent-Disposition: form-data; name=\"f\"; filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"),
                file, bytes("\r\n--" + B + "\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n--" + B + "\r\n\r\nno headers"
                        + "\r\n--" + B + "\r\nContent-Disposition: form-data; name=\"bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"),
                new byte[] {(byte) 0xFF, (byte) 0xC3}, bytes("\r\n--" + B + "--\r\nepilogue \u00FF"));
        for (int chunk : new int[] {1, 2, 5, 8192}) {
            assertThat(readAll(multipart(body), chunk)).as("chunks of " + chunk).isEqualTo(body);
        }
    }

    @Test
    void multipartBodiesThatAreCutOffMalformedOrNotTextAreRefused() {
        String part = "--" + B + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n";
        for (String body : new String[] {"", "garbage", part + "value", part + "value\r\n--" + B, part + "value\r\n--" + B + "\r\n",
                part + "value\r\n--" + B + "-", part + "v\r\n--" + B + "-x--", part + "v\r\n--" + B + "x\r\n", "--" + B + "\r\nno colon\r\n\r\nv\r\n--" + B + "--",
                "--" + B + "\r\nContent-Type: text/plain; charset=nope\r\n\r\nv\r\n--" + B + "--",
                "--" + B + "\r\nContent-Transfer-Encoding: base64\r\n\r\nw6M=\r\n--" + B + "--"}) {
            for (int chunk : new int[] {1, 1024}) {
                assertThatThrownBy(() -> readAll(multipart(bytes(body)), chunk)).as(body).isInstanceOf(UnreadableFormException.class);
            }
        }
        byte[] badText = join(bytes(part + "ok "), new byte[] {(byte) 0xE2, (byte) 0x82}, bytes("\r\n--" + B + "--\r\n"));
        assertThatThrownBy(() -> readAll(multipart(badText), 3)).isInstanceOf(UnreadableFormException.class);
        byte[] badHeader = join(bytes("--" + B + "\r\nContent-Disposition: form-data; name=\"a"), new byte[] {(byte) 0xFF},
                bytes("\"\r\n\r\nv\r\n--" + B + "--"));
        assertThatThrownBy(() -> readAll(multipart(badHeader), 1024)).isInstanceOf(UnreadableFormException.class);
    }

    /** Measured, not asserted: what the check adds to reading a 12 MB upload (the largest body allowed). */
    @Test
    void aLargeUploadIsCheckedAsItStreams() throws IOException {
        byte[] photo = new byte[12 * 1024 * 1024];
        new java.util.Random(21).nextBytes(photo);
        byte[] carriageReturns = new byte[photo.length];
        Arrays.fill(carriageReturns, (byte) '\r');
        for (byte[] file : new byte[][] {photo, carriageReturns}) {
            byte[] body = join(bytes("--" + B + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\n"), file,
                    bytes("\r\n--" + B + "--\r\n"));
            long started = System.nanoTime();
            assertThat(readAll(new ByteArrayInputStream(body), 8192)).hasSize(body.length);
            long plain = System.nanoTime();
            assertThat(readAll(multipart(body), 8192)).hasSize(body.length);
            System.out.printf("12 MB multipart body (%s): read in %d ms, through the check in %d ms%n",
                    file == photo ? "random bytes" : "all CR", (plain - started) / 1_000_000, (System.nanoTime() - plain) / 1_000_000);
        }
    }

    /** Measured, not asserted: a story form with a body at its limit (1,000,000 characters), every one %-escaped. */
    @Test
    void aLongStoryFormIsCheckedAsItStreams() throws IOException {
        String body = "csrf-token=x&headline=Long&body=" + "%C3%9C+".repeat(500_000);
        readAll(urlEncoded(body), 8192);
        long started = System.nanoTime();
        assertThat(readAll(urlEncoded(body), 8192)).hasSize(body.length());
        System.out.printf("a %d-byte url-encoded story form read through the check in %d ms%n", body.length(),
                (System.nanoTime() - started) / 1_000_000);
    }

    static CheckedFormBody urlEncoded(String body) {
        return new CheckedFormBody(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                new CheckedFormBody.UrlEncoded(StandardCharsets.UTF_8));
    }

    static CheckedFormBody multipart(byte[] body) {
        return new CheckedFormBody(new ByteArrayInputStream(body), new CheckedFormBody.Multipart(B));
    }

    /** Reads to the end in reads of at most {@code chunk} bytes, as a parser would. */
    static byte[] readAll(InputStream in, int chunk) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[chunk];
        int n;
        while ((n = in.read(buffer, 0, chunk)) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Each character as one byte (ISO-8859-1), so tests can hold bytes that are not UTF-8. */
    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] join(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
