package org.copydesk.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A story's body with every link and image address made absolute, for a full-text feed: the page's own are relative
 * ({@code /images/...}, a link to another story), which a feed reader or a partner's site would resolve against
 * its own address. Atom's xml:base would say the same, but many readers ignore it.
 */
public final class AbsoluteLinks {

    private AbsoluteLinks() {
    }

    /** {@code html} (sanitised already: BodyHtml) with href, src and srcset resolved against {@code pageUrl}. */
    public static String in(String html, String pageUrl) {
        if (html == null || html.isEmpty()) {
            return html;
        }
        Document body = Jsoup.parseBodyFragment(html, pageUrl);
        body.outputSettings().prettyPrint(false);
        for (Element linked : body.select("[href]")) {
            linked.attr("href", linked.absUrl("href"));
        }
        for (Element image : body.select("[src]")) {
            image.attr("src", image.absUrl("src"));
        }
        for (Element image : body.select("[srcset]")) {
            image.attr("srcset", srcset(image.attr("srcset"), image));
        }
        return body.body().html();
    }

    /** Each candidate of a srcset ("/images/a/400.jpg 400w, /images/a/800.jpg 800w") resolved, its width kept. */
    private static String srcset(String candidates, Element image) {
        StringBuilder resolved = new StringBuilder();
        for (String candidate : candidates.split(",")) {
            String[] parts = candidate.strip().split("\\s+", 2);
            if (parts[0].isEmpty()) {
                continue;
            }
            if (!resolved.isEmpty()) {
                resolved.append(", ");
            }
            image.attr("data-copydesk-resolving", parts[0]);
            resolved.append(image.absUrl("data-copydesk-resolving"));
            if (parts.length > 1) {
                resolved.append(' ').append(parts[1]);
            }
        }
        image.removeAttr("data-copydesk-resolving");
        return resolved.toString();
    }
}
