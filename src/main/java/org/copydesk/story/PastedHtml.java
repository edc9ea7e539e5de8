package org.copydesk.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * HTML pasted from a word processor, read as the writer meant it before {@link BodyHtml}'s allow-list keeps its
 * headings, lists, links, bold and italic and drops everything else (classes, styles, fonts, Office's own tags).
 * <ul>
 * <li>Google Docs wraps the whole paste in {@code <b style="font-weight:normal" id="docs-internal-guid-…">}, which is
 * not bold, and says bold and italic with styles ({@code <span style="font-weight:700">}, {@code font-style:italic});</li>
 * <li>Word says a list item with {@code <p class=MsoListParagraph style="mso-list:l0 level1 lfo1">} and a bullet of
 * its own in a {@code <span style="mso-list:Ignore">};</li>
 * <li>both use {@code <h1>} and {@code <h4>}–{@code <h6>}, which the body has as its subheading and minor heading.</li>
 * </ul>
 * The editor does the same in the browser when something is pasted (web/editor/editor.js), so what is seen is what
 * is saved; this is for a paste into the plain textarea, and for anything the browser did not do.
 */
final class PastedHtml {

    private static final Pattern BOLD = Pattern.compile("(?<![\\w-])font-weight\\s*:\\s*(bold|bolder|[6-9]00)\\b");
    private static final Pattern NOT_BOLD = Pattern.compile("(?<![\\w-])font-weight\\s*:\\s*(normal|lighter|[1-5]00)\\b");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w-])font-style\\s*:\\s*(italic|oblique)\\b");
    private static final Pattern WORD_LIST_ITEM = Pattern.compile("mso-list\\s*:\\s*(l\\d+)");
    private static final Pattern NUMBERED = Pattern.compile("^\\(?([0-9]+|[a-zA-Z]|[ivxlcIVXLC]+)[.)]$");

    private PastedHtml() {
    }

    static void fromWordProcessors(Element body) {
        for (Element b : body.select("b, strong")) {
            if (b.id().startsWith("docs-internal-guid") || NOT_BOLD.matcher(style(b)).find()) {
                b.unwrap();
            }
        }
        for (Element heading : body.select("h1")) {
            heading.tagName("h2");
        }
        for (Element heading : body.select("h4, h5, h6")) {
            heading.tagName("h3");
        }
        wordLists(body);
        for (Element span : body.select("span[style]")) {
            if (span.closest("h1, h2, h3, h4, h5, h6") != null) {
                continue;
            }
            String style = style(span);
            if (ITALIC.matcher(style).find()) {
                span.wrap("<em></em>");
            }
            if (BOLD.matcher(style).find()) {
                span.wrap("<strong></strong>");
            }
        }
    }

    /** Word's list paragraphs, one run after another, become one list each (bulleted, or numbered by their marker). */
    private static void wordLists(Element body) {
        List<Element> items = body.select("p[style*=mso-list]");
        if (items.isEmpty()) {
            return;
        }
        List<List<Element>> runs = new ArrayList<>();
        List<Element> run = null;
        Element previous = null;
        String previousList = null;
        for (Element p : items) {
            java.util.regex.Matcher item = WORD_LIST_ITEM.matcher(style(p));
            if (!item.find()) {
                continue;
            }
            // A run of items of one list (Word numbers its lists l0, l1, …): another list starts another run.
            boolean sameList = item.group(1).equals(previousList);
            previousList = item.group(1);
            if (run == null || previous == null || p.previousElementSibling() != previous || !sameList) {
                run = new ArrayList<>();
                runs.add(run);
            }
            run.add(p);
            previous = p;
        }
        for (List<Element> list : runs) {
            Element first = list.get(0);
            Element marker = first.selectFirst("span[style*='mso-list:Ignore'], span[style*='mso-list: Ignore']");
            String markerText = marker == null ? "" : marker.text().replace('\u00a0', ' ').strip();
            Element html = new Element(NUMBERED.matcher(markerText).matches() ? "ol" : "ul");
            first.before(html);
            for (Element p : list) {
                for (Element ignore : p.select("span[style*='mso-list:Ignore'], span[style*='mso-list: Ignore']")) {
                    ignore.remove();
                }
                p.tagName("li");
                html.appendChild(p);
            }
        }
    }

    private static String style(Element element) {
        return element.attr("style").toLowerCase(Locale.ROOT);
    }
}
