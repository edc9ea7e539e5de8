package org.copydesk.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class EtagTest {

    @Test
    void theSameBytesGetTheSameStrongTagAndAnyChangeAnother() {
        byte[] page = "<p>Floods close the coast road</p>".getBytes(StandardCharsets.UTF_8);
        byte[] corrected = "<p>Floods close the coast road.</p>".getBytes(StandardCharsets.UTF_8);
        byte[] oneLetter = "<p>Floods close the coast roam</p>".getBytes(StandardCharsets.UTF_8);
        String tag = PublicCaching.etag(page);
        assertThat(tag).matches("\"[0-9a-f]+-[0-9a-f]+\"");
        assertThat(PublicCaching.etag(page.clone())).isEqualTo(tag);
        assertThat(PublicCaching.etag(corrected)).isNotEqualTo(tag);
        assertThat(PublicCaching.etag(oneLetter)).isNotEqualTo(tag);
        assertThat(PublicCaching.notModified(tag, null, tag, null)).isTrue();
        assertThat(PublicCaching.notModified(PublicCaching.etag(oneLetter), null, tag, null)).isFalse();
    }
}
