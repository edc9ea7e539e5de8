package org.copydesk.site;

import java.util.List;
import java.util.Map;

/** The language versions of the stories on a sitemap page, by set of translations (sets of two or more only). */
public record SitemapAlternates(Map<Long, List<Version>> bySet) {

    /** One published version: its language and path. */
    public record Version(String language, String path) {
    }

    /** The versions of the entry's story, itself included; none when it has no published translation. */
    public List<Version> of(SitemapEntry entry) {
        return bySet.getOrDefault(entry.setId(), List.of());
    }
}
