package org.copydesk.story;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Agency copy as pasted: headline on the first line, standfirst in the next paragraph, then the body;
 * a paragraph that repeats the headline is dropped, and a last short line that looks like a person's
 * name is taken as the byline.
 */
public final class WireCopy {

    /** The parts of a wire story; {@code bylineName} is null when the copy carries none. */
    public record Parsed(String headline, String standfirst, List<String> paragraphs, String bylineName) {
        public String bodyText() {
            return String.join("\n\n", paragraphs);
        }
    }

    private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R");
    private static final Pattern NAME = Pattern.compile("(\\p{Lu}[\\p{L}'’.-]*)(\\s+\\p{Lu}[\\p{L}'’.-]*){1,3}");

    private WireCopy() {
    }

    public static Parsed parse(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : BLANK_LINES.split(text.replace("\uFEFF", "").strip())) {
            String paragraph = block.strip().replaceAll("\\s*\\R\\s*", " ");
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
        }
        if (paragraphs.isEmpty()) {
            return new Parsed("", "", List.of(), null);
        }
        String headline = paragraphs.remove(0);
        String standfirst = paragraphs.isEmpty() ? "" : paragraphs.remove(0);
        paragraphs.removeIf(p -> p.equalsIgnoreCase(headline));
        String byline = null;
        if (!paragraphs.isEmpty() && looksLikeName(paragraphs.get(paragraphs.size() - 1))) {
            byline = paragraphs.remove(paragraphs.size() - 1);
        }
        return new Parsed(headline, standfirst, paragraphs, byline);
    }

    static boolean looksLikeName(String line) {
        return line.length() <= 60 && NAME.matcher(line).matches();
    }
}
