package org.copydesk.wordpress;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A WordPress post's content as the story body's input: what WordPress itself would show, before the desk's own
 * sanitiser (story.BodyHtml, through StoryService) keeps what the body allows. WordPress stores content as typed and
 * makes it HTML when it shows it: the block editor's comments ({@code <!-- wp:paragraph -->}) go, {@code wpautop}
 * turns the classic editor's blank lines into paragraphs and single line breaks into {@code <br>} (content in blocks
 * already has its {@code <p>}, and WordPress leaves it alone), and shortcodes become markup ({@code [caption]} a
 * figure). Pictures are then pointed at their copies here, or taken out and reported.
 */
public final class WordPressBody {

    /** A picture of the body, stored here: its address and size. */
    public record Picture(String src, int width, int height) {
    }

    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:[\\s\\S]*?-->");
    private static final Pattern COMMENT = Pattern.compile("<!--[\\s\\S]*?-->");
    private static final Pattern CAPTION = Pattern.compile("\\[(?:wp_)?caption([^\\]]*)\\]([\\s\\S]*?)\\[/(?:wp_)?caption\\]");
    private static final Pattern CAPTION_ATTRIBUTE = Pattern.compile("caption=\"([^\"]*)\"");
    private static final Pattern EMBED = Pattern.compile("\\[embed[^\\]]*\\]([\\s\\S]*?)\\[/embed\\]");
    private static final Pattern OTHER_SHORTCODE = Pattern.compile(
            "\\[(gallery|video|audio|playlist|contact-form-7|contact-form|wpforms|instagram|tweet|youtube)\\b[^\\]]*\\](?:[\\s\\S]*?\\[/\\1\\])?");
    private static final Pattern IMG_OR_LINKED_IMG = Pattern.compile("^\\s*((?:<a [^>]*>\\s*)?<img [^>]*>(?:\\s*</a>)?)([\\s\\S]*)$");

    /** The line ends between blocks are only the writer's layout (a paragraph's own are its line breaks). */
    private static final Pattern BETWEEN_BLOCKS_AFTER = Pattern.compile(
            "(</(?:p|h[1-6]|ul|ol|li|blockquote|figure|figcaption|div|pre)>|<hr\\s*/?>)\\s+");
    private static final Pattern BETWEEN_BLOCKS_BEFORE = Pattern.compile("\\s+(<(?:p|h[1-6]|ul|ol|li|blockquote|figure|div|pre|hr)[\\s/>])");
    private static final Pattern BREAK_NEWLINE = Pattern.compile("(<br\\s*/?>)\\s*\\n\\s*");

    private WordPressBody() {
    }

    /**
     * The content as HTML for the story form's Body. {@code pictures} gives a picture's copy here for its address
     * in the content (null when it is not in the uploads archive); what could not be kept is added to
     * {@code problems}, one line each.
     */
    public static String toHtml(String content, Function<String, Picture> pictures, List<String> problems) {
        if (content == null || content.isBlank()) {
            return "";
        }
        boolean blocks = content.contains("<!-- wp:");
        String html = BLOCK_COMMENT.matcher(content).replaceAll("");
        html = COMMENT.matcher(html).replaceAll("");
        html = captions(html);
        html = EMBED.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
                "<p><a href=\"" + m.group(1).strip() + "\">" + m.group(1).strip() + "</a></p>"));
        Matcher other = OTHER_SHORTCODE.matcher(html);
        while (other.find()) {
            problems.add("the [" + other.group(1) + "] shortcode has no equivalent here and was left out");
        }
        html = OTHER_SHORTCODE.matcher(html).replaceAll("");
        if (!blocks) {
            html = autop(html);
        }
        html = BETWEEN_BLOCKS_BEFORE.matcher(html).replaceAll("$1");
        html = BETWEEN_BLOCKS_AFTER.matcher(html).replaceAll("$1");
        html = BREAK_NEWLINE.matcher(html).replaceAll("$1");
        return pictures(html, pictures, problems);
    }

    /** {@code [caption]<img ...> Words[/caption]} → {@code <figure><img ...><figcaption>Words</figcaption></figure>}. */
    static String captions(String html) {
        return CAPTION.matcher(html).replaceAll(m -> {
            String inside = m.group(2).strip();
            Matcher image = IMG_OR_LINKED_IMG.matcher(inside);
            String img = image.matches() ? image.group(1) : "";
            String words = image.matches() ? image.group(2).strip() : inside;
            Matcher attribute = CAPTION_ATTRIBUTE.matcher(m.group(1));
            if (words.isEmpty() && attribute.find()) {
                words = attribute.group(1);
            }
            return Matcher.quoteReplacement("<figure>" + img + (words.isEmpty() ? "" : "<figcaption>" + words + "</figcaption>")
                    + "</figure>");
        });
    }

    private static final String ALL_BLOCKS = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
            + "|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup"
            + "|header|footer|nav|figure|figcaption|details|menu|summary)";
    private static final Pattern BR_BR = Pattern.compile("<br\\s*/?>\\s*<br\\s*/?>");
    private static final Pattern BEFORE_BLOCK = Pattern.compile("(<" + ALL_BLOCKS + "[\\s/>])");
    private static final Pattern AFTER_BLOCK = Pattern.compile("(</" + ALL_BLOCKS + ">)");
    private static final Pattern HR = Pattern.compile("<hr\\s*?/?>");
    private static final Pattern MANY_NEWLINES = Pattern.compile("\\n\\n+");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern EMPTY_P = Pattern.compile("<p>\\s*</p>");
    private static final Pattern P_DIV_CLOSE = Pattern.compile("<p>([^<]+)</(div|address|form)>");
    private static final Pattern P_AROUND_BLOCK = Pattern.compile("<p>\\s*(</?" + ALL_BLOCKS + "[^>]*>)\\s*</p>");
    private static final Pattern P_LI = Pattern.compile("<p>(<li.+?)</p>");
    private static final Pattern P_BLOCKQUOTE = Pattern.compile("<p><blockquote([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern P_BEFORE_BLOCK = Pattern.compile("<p>\\s*(</?" + ALL_BLOCKS + "[^>]*>)");
    private static final Pattern P_AFTER_BLOCK = Pattern.compile("(</?" + ALL_BLOCKS + "[^>]*>)\\s*</p>");
    private static final Pattern LINE_BREAK = Pattern.compile("(?<!<br />)\\s*\\n");
    private static final Pattern BR_AFTER_BLOCK = Pattern.compile("(</?" + ALL_BLOCKS + "[^>]*>)\\s*<br />");
    private static final Pattern BR_BEFORE_BLOCK = Pattern.compile("<br />(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)");
    private static final Pattern NEWLINE_IN_TAG = Pattern.compile("<[^>]*>");
    private static final Pattern PRE = Pattern.compile("<pre[\\s\\S]*?</pre>", Pattern.CASE_INSENSITIVE);

    /**
     * WordPress's {@code wpautop} (wp-includes/formatting.php), step by step: text between blank lines becomes a
     * paragraph, a single line break a {@code <br>}; block-level tags are left out of paragraphs, and what is in
     * {@code <pre>} is left as typed.
     */
    public static String autop(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String pee = text.replace("\r\n", "\n").replace('\r', '\n') + "\n";
        java.util.Map<String, String> kept = new java.util.LinkedHashMap<>();
        Matcher pre = PRE.matcher(pee);
        StringBuilder protectedPre = new StringBuilder();
        while (pre.find()) {
            String key = "<pre wp-pre-tag-" + kept.size() + "></pre>";
            kept.put(key, pre.group());
            pre.appendReplacement(protectedPre, Matcher.quoteReplacement(key));
        }
        pre.appendTail(protectedPre);
        pee = protectedPre.toString();
        pee = BR_BR.matcher(pee).replaceAll("\n\n");
        pee = BEFORE_BLOCK.matcher(pee).replaceAll("\n\n$1");
        pee = AFTER_BLOCK.matcher(pee).replaceAll("$1\n\n");
        pee = HR.matcher(pee).replaceAll("<hr />\n\n");
        // Line breaks inside tags (attributes written over lines) are not the writer's.
        pee = NEWLINE_IN_TAG.matcher(pee).replaceAll(m -> Matcher.quoteReplacement(m.group().replace('\n', ' ')));
        pee = MANY_NEWLINES.matcher(pee).replaceAll("\n\n");
        StringBuilder paragraphs = new StringBuilder();
        for (String tinkle : PARAGRAPH_BREAK.split(pee)) {
            String trimmed = trimNewlines(tinkle);
            if (trimmed.isBlank()) {
                continue;
            }
            paragraphs.append("<p>").append(trimmed).append("</p>\n");
        }
        pee = paragraphs.toString();
        pee = EMPTY_P.matcher(pee).replaceAll("");
        pee = P_DIV_CLOSE.matcher(pee).replaceAll("<p>$1</p></$2>");
        pee = P_AROUND_BLOCK.matcher(pee).replaceAll("$1");
        pee = P_LI.matcher(pee).replaceAll("$1");
        pee = P_BLOCKQUOTE.matcher(pee).replaceAll("<blockquote$1><p>");
        pee = pee.replace("</blockquote></p>", "</p></blockquote>");
        pee = P_BEFORE_BLOCK.matcher(pee).replaceAll("$1");
        pee = P_AFTER_BLOCK.matcher(pee).replaceAll("$1");
        pee = LINE_BREAK.matcher(pee).replaceAll("<br />\n");
        pee = BR_AFTER_BLOCK.matcher(pee).replaceAll("$1");
        pee = BR_BEFORE_BLOCK.matcher(pee).replaceAll("$1");
        pee = pee.replaceAll("\\n</p>$", "</p>");
        for (java.util.Map.Entry<String, String> entry : kept.entrySet()) {
            pee = pee.replace(entry.getKey(), entry.getValue());
        }
        return pee.strip();
    }

    private static String trimNewlines(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '\n') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(start, end);
    }

    /**
     * Figures become the picture and its caption (the body has no figure of its own: the picture in its paragraph,
     * the caption in italics under it); each picture is pointed at its copy here; a quote's {@code <cite>} becomes
     * its last line.
     */
    static String pictures(String html, Function<String, Picture> pictures, List<String> problems) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();
        for (Element img : body.select("img")) {
            String src = img.attr("src").strip();
            Picture picture = src.isEmpty() ? null : pictures.apply(src);
            if (picture == null) {
                problems.add("a picture in the body (" + (src.isEmpty() ? "with no address" : fileName(src)) + ") "
                        + (src.contains("/wp-content/uploads/") ? "could not be brought in (the picture's own line says why)"
                        : "is on another site") + " and was left out");
                Element link = img.parent() != null && img.parent().nameIs("a") ? img.parent() : null;
                img.remove();
                if (link != null && link.text().isBlank() && link.children().isEmpty()) {
                    link.remove();
                }
                continue;
            }
            img.attr("src", picture.src());
            img.attr("width", String.valueOf(picture.width()));
            img.attr("height", String.valueOf(picture.height()));
            // A picture linked to its own file (WordPress's "link to media file") links nowhere here.
            if (img.parent() != null && img.parent().nameIs("a") && img.parent().attr("href").contains("/wp-content/uploads/")) {
                img.parent().unwrap();
            }
        }
        for (Element figure : body.select("figure")) {
            Element caption = figure.selectFirst("figcaption");
            Element img = figure.selectFirst("img");
            if (img != null && img.attr("alt").isBlank() && caption != null) {
                img.attr("alt", caption.text());
            }
            StringBuilder replacement = new StringBuilder();
            if (img != null) {
                replacement.append("<p>").append(img.outerHtml()).append("</p>");
            }
            if (caption != null && !caption.text().isBlank()) {
                replacement.append("<p><em>").append(caption.html()).append("</em></p>");
            }
            if (img == null && caption == null) {
                replacement.append(figure.html());
            }
            figure.after(replacement.toString());
            figure.remove();
        }
        for (Element cite : body.select("blockquote cite")) {
            Element quote = cite.closest("blockquote");
            String words = cite.text();
            cite.remove();
            if (quote != null && !words.isBlank()) {
                quote.appendElement("p").text("— " + words);
            }
        }
        return body.html().strip();
    }

    private static String fileName(String src) {
        int slash = src.lastIndexOf('/');
        return slash >= 0 && slash < src.length() - 1 ? src.substring(slash + 1) : src;
    }
}
