package org.copydesk.story;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
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
            .addEnforcedAttribute("a", "rel", "nofollow noopener")
            // Links to our own stories are kept as their address (/world/2026/12/07/slug), resolved against BASE only
            // to check their protocol.
            .preserveRelativeLinks(true);
    /** What relative links are checked against; never written out. */
    private static final String BASE = "https://copydesk.invalid/";

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
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        PastedHtml.fromWordProcessors(dirty.body());
        Document doc = new Cleaner(ALLOWED).clean(dirty);
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
        dropEmptyParagraphs(doc.body());
        return doc.body().html().strip();
    }

    /**
     * Paragraphs with nothing to read are not kept: no text (white space, no-break spaces and line breaks do not
     * count) and no image. Editors and word processors leave them between paragraphs for spacing.
     */
    private static void dropEmptyParagraphs(Element body) {
        for (Element p : body.select("p")) {
            if (p.selectFirst("img") == null && p.text().replace('\u00a0', ' ').isBlank()) {
                p.remove();
            }
        }
        // A line break between two blocks (Google Docs puts one between paragraphs) breaks no line.
        for (Element br : new java.util.ArrayList<>(body.children())) {
            if (br.nameIs("br") && isBlockOrEdge(br.previousSibling(), true) && isBlockOrEdge(br.nextSibling(), false)) {
                br.remove();
            }
        }
    }

    private static boolean isBlockOrEdge(Node node, boolean backwards) {
        while (node instanceof TextNode text && text.text().replace('\u00a0', ' ').isBlank()) {
            node = backwards ? node.previousSibling() : node.nextSibling();
        }
        return node == null || node instanceof Element element && element.is("p, h2, h3, ul, ol, blockquote, img, br");
    }

    /**
     * For the public page: each of our images in the body gets its other widths as srcset, so a phone
     * loads a small one, and loads lazily. The widths follow from the one in the address (the upload's).
     * Done on the stored HTML as text, tag by tag, not through a parsed document: the body was serialised by
     * {@link #fromInput} and only its image tags change, and a document of a megabyte's story took ten times its
     * size in memory for every reader whose page was being rendered.
     */
    public static String withResponsiveImages(String html) {
        if (html == null || !html.contains("<img")) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + 1024);
        int copied = 0;
        for (int at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
            int end = tagEnd(html, at);
            if (end < 0) {
                break;
            }
            if ("img".equalsIgnoreCase(tagName(html, at))) {
                String responsive = responsiveImage(html.substring(at, end));
                if (responsive != null) {
                    out.append(html, copied, at).append(responsive);
                    copied = end;
                }
            }
            at = end - 1;
        }
        return copied == 0 ? html : out.append(html, copied, html.length()).toString();
    }

    private static final Pattern ATTRIBUTE = Pattern.compile(
            "\\s+([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");

    /** One of our image tags with srcset, sizes and lazy loading; null for an image that is not ours. */
    private static String responsiveImage(String tag) {
        java.util.Map<String, String> added = new java.util.LinkedHashMap<>();
        StringBuilder rebuilt = new StringBuilder(tag.length() + 256).append("<img");
        Matcher attribute = ATTRIBUTE.matcher(tag);
        attribute.region(4, tag.length());
        String src = null;
        java.util.List<String[]> attributes = new java.util.ArrayList<>();
        while (attribute.lookingAt()) {
            String value = attribute.group(2) != null ? attribute.group(2)
                    : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
            attributes.add(new String[] {attribute.group(1).toLowerCase(java.util.Locale.ROOT), attribute.group()});
            if (attribute.group(1).equalsIgnoreCase("src")) {
                src = value;
            }
            attribute.region(attribute.end(), tag.length());
        }
        var own = src == null ? null : OWN_IMAGE.matcher(src);
        if (own == null || !own.matches()) {
            return null;
        }
        int width = Integer.parseInt(own.group(1));
        String base = src.substring(0, src.lastIndexOf('/') + 1);
        StringBuilder srcset = new StringBuilder();
        for (int w : org.copydesk.media.Image.widthsFor(width)) {
            srcset.append(srcset.isEmpty() ? "" : ", ").append(base).append(w).append('.').append(own.group(2))
                    .append(' ').append(w).append('w');
        }
        added.put("srcset", srcset.toString());
        added.put("sizes", "(min-width: 48rem) 46rem, 100vw");
        added.put("loading", "lazy");
        added.put("decoding", "async");
        for (String[] kept : attributes) {
            String value = added.remove(kept[0]);
            rebuilt.append(value == null ? kept[1] : " " + kept[0] + "=\"" + value + "\"");
        }
        for (var value : added.entrySet()) {
            rebuilt.append(' ').append(value.getKey()).append("=\"").append(value.getValue()).append('"');
        }
        return rebuilt.append('>').toString();
    }

    /** Where the tag opening at {@code lt} ends (just past its '>'), quoted values skipped; -1 if it does not. */
    private static int tagEnd(String html, int lt) {
        char quote = 0;
        for (int i = lt + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The name of the tag opening at {@code lt} ("p", "img"; "/p" for a closing tag). */
    private static String tagName(String html, int lt) {
        int end = lt + 1;
        if (end < html.length() && html.charAt(end) == '/') {
            end++;
        }
        while (end < html.length() && Character.isLetterOrDigit(html.charAt(end))) {
            end++;
        }
        return html.substring(lt + 1, end);
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
     * "MOSCOW, Nov 11 (Copydesk) – Malian Foreign Minister ...". The lead-in is text, escaped here. Like
     * {@link #withResponsiveImages}, done on the stored HTML as text: the rest of the body is copied as it is.
     */
    public static String withLeadIn(String html, String leadIn, String cssClass) {
        if (leadIn == null || leadIn.isBlank()) {
            return html;
        }
        String body = html == null ? "" : html;
        String span = "<span class=\"" + escapeText(cssClass).replace("\"", "&quot;") + "\">" + escapeText(leadIn) + "</span> ";
        for (int at = body.indexOf('<'); at >= 0; at = body.indexOf('<', at + 1)) {
            int end = tagEnd(body, at);
            if (end < 0) {
                break;
            }
            if ("p".equalsIgnoreCase(tagName(body, at))) {
                return new StringBuilder(body.length() + span.length()).append(body, 0, end).append(span)
                        .append(body, end, body.length()).toString();
            }
            at = end - 1;
        }
        return "<p>" + span + "</p>" + body;
    }

    /** Text escaped as the stored body's text is (jsoup's base escaping in text: &amp;, &lt;, &gt;, &nbsp;). */
    private static String escapeText(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '\u00a0' -> escaped.append("&nbsp;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * How many words the body's text has (as {@link #toPlainText} split on white space would give), counted
     * on the stored HTML without building its text: a block ends a word, an inline tag does not, an
     * {@code &nbsp;} separates words.
     */
    public static int wordCount(String html) {
        if (html == null) {
            return 0;
        }
        int words = 0;
        boolean inWord = false;
        int length = html.length();
        for (int i = 0; i < length; i++) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = tagEnd(html, i);
                if (end < 0) {
                    break;
                }
                String name = tagName(html, i);
                if (BLOCKS.contains((name.startsWith("/") ? name.substring(1) : name).toLowerCase(java.util.Locale.ROOT))) {
                    inWord = false;
                }
                i = end - 1;
            } else if (Character.isWhitespace(c) || c == '\u00a0' || c == '&' && html.startsWith("&nbsp;", i)) {
                inWord = false;
            } else if (!inWord) {
                inWord = true;
                words++;
            }
        }
        return words;
    }

    /**
     * How many characters of text a typed body has: outside its tags, an entity counted as one, when it is HTML
     * (as {@link #fromInput} tells); every character when it is plain text. Counted without parsing (a
     * megabyte's body is counted in a few milliseconds).
     */
    public static int textLength(String input) {
        if (input == null) {
            return 0;
        }
        if (!LOOKS_LIKE_HTML.matcher(input).find()) {
            return input.length();
        }
        int characters = 0;
        int length = input.length();
        for (int i = 0; i < length; i++) {
            char c = input.charAt(i);
            if (c == '<') {
                int end = tagEnd(input, i);
                if (end < 0) {
                    return characters + length - i; // an unclosed "<" and what follows are text
                }
                i = end - 1;
            } else {
                if (c == '&') {
                    int semicolon = input.indexOf(';', i);
                    if (semicolon > i && semicolon - i <= 32) {
                        i = semicolon;
                    }
                }
                characters++;
            }
        }
        return characters;
    }

    /** Elements whose start and end separate words in the text (the allow-list's blocks, and line breaks). */
    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "li", "blockquote", "br", "div", "img");

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
