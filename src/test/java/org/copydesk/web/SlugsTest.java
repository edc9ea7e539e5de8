package org.copydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.copydesk.testing.ProductionStack;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void slugsAreLowerCaseAsciiWords() {
        assertThat(Slugs.of("Mali denies hiring private Russian military contractor", 120))
                .isEqualTo("mali-denies-hiring-private-russian-military-contractor");
        assertThat(Slugs.of("Hüseyin Demir", 120)).isEqualTo("huseyin-demir");
        assertThat(Slugs.of("  “Quotes” – and… dashes!  ", 120)).isEqualTo("quotes-and-dashes");
    }

    /** Every script gives a readable address, never a placeholder: written in Latin letters (ICU). */
    @Test
    void headlinesInOtherScriptsGiveReadableSlugs() {
        assertThat(Slugs.of("Москва отвергает обвинения", 120)).isEqualTo("moskva-otvergaet-obvinenia");
        assertThat(Slugs.of("Η Ελλάδα ψηφίζει", 120)).isEqualTo("e-ellada-psephizei");
        assertThat(Slugs.of("Iğdır'da seçim: İstanbul ve Ağrı", 120)).isEqualTo("igdir-da-secim-istanbul-ve-agri");
        assertThat(Slugs.of("مالي تنفي التعاقد مع شركة روسية", 120)).matches("[a-z0-9]+(-[a-z0-9]+){4,}");
        assertThat(Slugs.of("北京 2026", 120)).matches("[a-z0-9]+(-[a-z0-9]+)+");
    }

    @Test
    void longSlugsBreakAtAWord() {
        assertThat(Slugs.of("alpha beta gamma delta", 13)).isEqualTo("alpha-beta");
    }

    @Test
    void takenSlugsGetANumber() {
        Set<String> taken = Set.of("story", "story-2");
        assertThat(Slugs.unique("story", 120, taken::contains)).isEqualTo("story-3");
        assertThat(Slugs.unique("fresh", 120, taken::contains)).isEqualTo("fresh");
    }

    @Test
    void validSlugsHaveSingleHyphensBetweenWords() {
        assertThat(Slugs.isValid("a-b-1")).isTrue();
        assertThat(Slugs.isValid("a--b")).isFalse();
        assertThat(Slugs.isValid("-a")).isFalse();
        assertThat(Slugs.isValid("A")).isFalse();
    }

    /** A typed slug is checked before its length: a long one of many words overflowed a recursive regex (a 500). */
    @Test
    void aVeryLongSlugIsCheckedOnAProductionStack() {
        String longSlug = "a-".repeat(100_000) + "a";
        assertThat(ProductionStack.call(() -> Slugs.isValid(longSlug))).isTrue();
        assertThat(ProductionStack.call(() -> Slugs.isValid(longSlug + "-"))).isFalse();
        assertThat(Slugs.isValid("")).isFalse();
        assertThat(Slugs.isValid("a-")).isFalse();
        assertThat(Slugs.isValid("ab-c9")).isTrue();
        assertThat(Slugs.isValid("a b")).isFalse();
    }
}
