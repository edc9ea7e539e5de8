package org.copydesk.story;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.nodes.Entities;

/**
 * Agency copy as pasted ("Import text"): headline on the first line, standfirst in the next
 * paragraph, then the body; a paragraph that repeats the headline is dropped, and a last short line
 * that looks like a person's name is taken as the byline. Markdown is read too (a {@code # Headline},
 * {@code ## subheads}, emphasis, links, lists, quotes), recognised by its marks.
 */
public final class WireCopy {

    /** The parts of a wire story; {@code bylineName} is null when the copy carries none. */
    public record Parsed(String headline, String standfirst, List<Block> blocks, String bylineName) {

        /** Body blocks as plain text, one per paragraph (or heading, list, quote). */
        public List<String> paragraphs() {
            return blocks.stream().map(Block::text).toList();
        }

        /** The body as HTML, still to be sanitised like anything typed ({@link BodyHtml#fromInput}). */
        public String bodyHtml() {
            return String.join("\n", blocks.stream().map(Block::html).toList());
        }
    }

    /** One block of the body: its HTML and its text. */
    public record Block(String html, String text) {
    }

    private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R");
    private static final Pattern NAME = Pattern.compile("(?:By\\s+)?(\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){1,3})");
    /**
     * Marks only Markdown uses: an ATX heading, emphasis, a link, a list item or a quote at a line start.
     * Every repetition stops at the end of its line or at the next link: read from each line start (or
     * each "]("), a repetition that could run on to the end of the copy made long copy quadratic.
     */
    private static final Pattern MARKDOWN = Pattern.compile(
            "(?m)^#{1,6}\\s|\\*\\*\\S|__\\S|\\]\\([^()\\s]+\\)|^[ \\t]*[-*+][ \\t]+\\S|^[ \\t]*\\d+[.)][ \\t]+\\S|^>\\s");

    private WireCopy() {
    }

    public static boolean looksLikeMarkdown(String text) {
        return MARKDOWN.matcher(text).find();
    }

    public static Parsed parse(String text) {
        String clean = text == null ? "" : text.replace("\uFEFF", "").strip();
        List<Block> blocks = looksLikeMarkdown(clean) ? markdownBlocks(clean) : plainBlocks(clean);
        if (blocks.isEmpty()) {
            return new Parsed("", "", List.of(), null);
        }
        String headline = blocks.remove(0).text();
        String standfirst = blocks.isEmpty() ? "" : blocks.remove(0).text();
        blocks.removeIf(b -> b.text().equalsIgnoreCase(headline));
        String byline = null;
        if (!blocks.isEmpty()) {
            var name = NAME.matcher(blocks.get(blocks.size() - 1).text());
            if (blocks.get(blocks.size() - 1).text().length() <= 60 && name.matches()) {
                byline = name.group(1).replaceAll("\\s+", " ");
                blocks.remove(blocks.size() - 1);
            }
        }
        return new Parsed(headline, standfirst, blocks, byline);
    }

    static boolean looksLikeName(String line) {
        return line.length() <= 60 && NAME.matcher(line).matches();
    }

    private static List<Block> plainBlocks(String text) {
        List<Block> blocks = new ArrayList<>();
        for (String block : BLANK_LINES.split(text)) {
            String paragraph = BodyHtml.oneLine(block);
            if (!paragraph.isEmpty()) {
                blocks.add(new Block("<p>" + Entities.escape(paragraph) + "</p>", paragraph));
            }
        }
        return blocks;
    }

    private static List<Block> markdownBlocks(String text) {
        HtmlRenderer html = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
        TextContentRenderer plain = TextContentRenderer.builder().build();
        List<Block> blocks = new ArrayList<>();
        Node document = Parser.builder().build().parse(text);
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            String nodeText = BodyHtml.oneLine(plain.render(node));
            if (nodeText.isEmpty()) {
                continue;
            }
            String nodeHtml = html.render(node).strip();
            // The story has one h1, its headline: deeper headings in the body keep to h2 and h3.
            if (node instanceof Heading heading && !blocks.isEmpty()) {
                int level = Math.min(3, Math.max(2, heading.getLevel()));
                nodeHtml = "<h" + level + ">" + html.render(heading).replaceAll("^<h\\d>|</h\\d>\\s*$", "") + "</h" + level + ">";
            }
            blocks.add(new Block(nodeHtml, nodeText));
        }
        return blocks;
    }
}
