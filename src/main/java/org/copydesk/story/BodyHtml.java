package org.copydesk.story;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * The story body as stored: HTML on an allow-list (paragraphs, h2/h3, bold, italic, links, lists,
 * block quotes). Whatever is typed or pasted goes through here before it is saved, so the public page
 * can render it as is.
 */
public final class BodyHtml {

    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "h2", "h3", "strong", "b", "em", "i", "a", "ul", "ol", "li", "blockquote", "br", "img")
            .addAttributes("a", "href")
            .addAttributes("img", "src", "alt", "width", "height")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    /**
     * A tag we keep. Its attributes stop at the next "<" as well as at ">": text with many "<b" and no ">"
     * after them would otherwise be scanned to its end from each one (quadratic in a long body).
     */
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<\\s*(p|h[1-6]|ul|ol|li|blockquote|br|div|strong|b|em|i|a)\\b[^<>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R");
    /** The only images a body may show: this site's own uploads, {@code /images/{key}/{width}.jpg}. */
    private static final Pattern OWN_IMAGE = Pattern.compile("/images/[A-Za-z0-9_-]{22}/(\\d{1,5})\\.(jpg|png)");
    private static final Pattern DIMENSION = Pattern.compile("\\d{1,5}");

    private BodyHtml() {
    }

    /** Typed body → safe HTML. Plain text becomes paragraphs (blank lines between them). */
    public static String fromInput(String input) {
        if (input == null || input.isBlank()) {
            return "";
        }
        String html = LOOKS_LIKE_HTML.matcher(input).find() ? input : paragraphs(input);
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false)
                .charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        String clean = Jsoup.clean(html, "", ALLOWED, output).strip();
        if (!clean.contains("<img") && !clean.contains("<a rel")) {
            return clean;
        }
        Document doc = Jsoup.parseBodyFragment(clean);
        doc.outputSettings(output);
        // A link with no address left (a bookmark pasted from a word processor, a javascript: link) is just text.
        doc.body().select("a:not([href])").unwrap();
        // Images: only our own uploads, with numeric sizes and alt text; anything pasted from elsewhere goes.
        for (Element img : doc.body().select("img")) {
            if (!OWN_IMAGE.matcher(img.attr("src")).matches()) {
                img.remove();
                continue;
            }
            for (String size : new String[] {"width", "height"}) {
                if (img.hasAttr(size) && !DIMENSION.matcher(img.attr(size)).matches()) {
                    img.removeAttr(size);
                }
            }
            img.attr("alt", img.attr("alt"));
        }
        return doc.body().html().strip();
    }

    /**
     * For the public page: each of our images in the body gets its other widths as srcset, so a phone
     * loads a small one, and loads lazily. The widths follow from the one in the address (the upload's).
     */
    public static String withResponsiveImages(String html) {
        if (html == null || !html.contains("<img")) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
        for (Element img : doc.body().select("img")) {
            var own = OWN_IMAGE.matcher(img.attr("src"));
            if (!own.matches()) {
                continue;
            }
            int width = Integer.parseInt(own.group(1));
            String base = img.attr("src").substring(0, img.attr("src").lastIndexOf('/') + 1);
            StringBuilder srcset = new StringBuilder();
            for (int w : org.copydesk.media.Image.widthsFor(width)) {
                srcset.append(srcset.isEmpty() ? "" : ", ").append(base).append(w).append('.').append(own.group(2))
                        .append(' ').append(w).append('w');
            }
            img.attr("srcset", srcset.toString()).attr("sizes", "(min-width: 48rem) 46rem, 100vw")
                    .attr("loading", "lazy").attr("decoding", "async");
        }
        return doc.body().html();
    }

    /**
     * Stored HTML → what the plain Body textarea shows: plain paragraphs when the body is nothing but
     * paragraphs of text, the HTML itself when it carries formatting (so nothing is lost on the next save).
     */
    public static String toEditable(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        // Read as a tree, not matched with a regex: a repeated group recurses once per paragraph, and 480
        // paragraphs overflowed production's 512 KB thread stack (issue 21).
        StringBuilder text = new StringBuilder();
        for (Node node : Jsoup.parseBodyFragment(html).body().childNodes()) {
            if (node instanceof TextNode between && between.isBlank()) {
                continue;
            }
            if (!isPlainParagraph(node)) {
                return html;
            }
            String paragraph = ((Element) node).wholeText().strip();
            // Text that reads as markup ("type <b> for bold") would come back as markup on the next save.
            if (LOOKS_LIKE_HTML.matcher(paragraph).find()) {
                return html;
            }
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(paragraph);
        }
        return text.toString();
    }

    /** A {@code <p>} without attributes holding nothing but text. */
    private static boolean isPlainParagraph(Node node) {
        if (!(node instanceof Element p) || !p.normalName().equals("p") || p.attributesSize() > 0) {
            return false;
        }
        for (Node child : p.childNodes()) {
            if (!(child instanceof TextNode)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The body with a lead-in (the dateline) at the start of its first paragraph, as agencies run it:
     * "MOSCOW, Nov 11 (Copydesk) – Malian Foreign Minister ...". The lead-in is text, escaped here.
     */
    public static String withLeadIn(String html, String leadIn, String cssClass) {
        if (leadIn == null || leadIn.isBlank()) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
        Element first = doc.body().selectFirst("p");
        if (first == null) {
            first = doc.body().prependElement("p");
        }
        first.prependText(" ");
        first.prependElement("span").addClass(cssClass).text(leadIn);
        return doc.body().html();
    }

    /** The body's text with a blank line between blocks (paragraphs, headings, list items), for comparing. */
    public static String toParagraphText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Element block : Jsoup.parseBodyFragment(html).body().select("p, h2, h3, li, blockquote")) {
            if (block.parent() != null && block.parent().is("blockquote, li")) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(block.text());
        }
        return text.toString();
    }

    /** Plain text of the body, e.g. for descriptions and word counts. */
    public static String toPlainText(String html) {
        return html == null ? "" : Jsoup.parseBodyFragment(html).text();
    }

    private static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : BLANK_LINES.split(text.strip())) {
            String clean = oneLine(paragraph);
            if (!clean.isEmpty()) {
                html.append("<p>").append(Entities.escape(clean)).append("</p>");
            }
        }
        return html.toString();
    }

    /**
     * A paragraph typed over several lines, on one line: each line break, with the white space around it,
     * becomes one space. Done by hand in one pass: the regex {@code \s*\R\s*} backtracks over a long run of
     * spaces from each of its characters (a paragraph with 400,000 spaces took minutes).
     */
    static String oneLine(String paragraph) {
        String text = paragraph.strip();
        StringBuilder line = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isSpace(c) && !isLineBreak(c)) {
                line.append(c);
                i++;
                continue;
            }
            int end = i;
            boolean breaks = false;
            while (end < text.length() && (isSpace(text.charAt(end)) || isLineBreak(text.charAt(end)))) {
                breaks |= isLineBreak(text.charAt(end));
                end++;
            }
            if (breaks) {
                line.append(' ');
            } else {
                line.append(text, i, end);
            }
            i = end;
        }
        return line.toString();
    }

    /** What {@code \s} matches in a Java regex. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** What {@code \R} matches in a Java regex. */
    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
