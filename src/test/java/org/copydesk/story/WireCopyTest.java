package org.copydesk.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WireCopyTest {

    @Test
    void theAgencyStorySplitsIntoItsParts() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/demo/mali-denies-hiring-russian-pmc.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        WireCopy.Parsed parsed = WireCopy.parse(text);
        assertThat(parsed.headline()).isEqualTo("Mali denies hiring private Russian military contractor");
        assertThat(parsed.standfirst()).startsWith("Foreign Minister Diop says disinformation");
        assertThat(parsed.bylineName()).isEqualTo("Hüseyin Demir");
        assertThat(parsed.paragraphs()).doesNotContain(parsed.headline());
        assertThat(parsed.paragraphs().get(0)).startsWith("Malian Foreign Minister Abdoulaye Diop");
        assertThat(parsed.bodyText()).contains("PMCs… we are concerned").contains("“This story is part");
    }

    @Test
    void aLastSentenceIsNotTakenForAByline() {
        WireCopy.Parsed parsed = WireCopy.parse("Headline\n\nStandfirst.\n\nBody one.\n\nThe talks ended on Friday.");
        assertThat(parsed.bylineName()).isNull();
        assertThat(parsed.paragraphs()).containsExactly("Body one.", "The talks ended on Friday.");
    }
}
