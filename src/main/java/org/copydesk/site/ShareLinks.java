package org.copydesk.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateExtension;

/**
 * A story's share links: plain addresses of the networks' own share pages and a mailto: link, so the story page
 * loads no third-party script and tells no network who read it until the reader follows one.
 */
public record ShareLinks(String email, String facebook, String x, String linkedIn) {

    static ShareLinks of(String url, String headline) {
        String address = encoded(url);
        return new ShareLinks("mailto:?subject=" + encoded(headline) + "&body=" + address,
                "https://www.facebook.com/sharer/sharer.php?u=" + address,
                "https://x.com/intent/post?url=" + address + "&text=" + encoded(headline),
                "https://www.linkedin.com/sharing/share-offsite/?url=" + address);
    }

    /** Percent-encoded for a query (a space as %20, which mail programs read in mailto: too, not +). */
    static String encoded(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** In the story page: {@code page.share.facebook}. */
    @TemplateExtension
    static ShareLinks share(SiteResource.StoryPage page) {
        return of(page.canonicalUrl(), page.story().headline);
    }
}
