package org.copydesk.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Long story texts for comparing: paragraphs of news-like words (with typographic quotes, dashes and names
 * beyond Latin-1, as real copy has, which makes Java keep them two bytes a character), and edited versions.
 */
public final class LongStories {

    private static final String[] WORDS = ("the minister said on Thursday that government would not sign any contract "
            + "with private military companies and that security forces were able to protect the country against "
            + "armed groups in the north where fighting has displaced thousands of people since last year according "
            + "to United Nations figures published in Geneva by officials who asked not to be named because they "
            + "were not authorised to speak about talks between Bamako Moscow Paris and regional leaders on a plan "
            + "for elections next spring while opposition parties called for protests over rising prices of fuel "
            + "bread rice electricity and water “we are not concerned” — she said … Müller Şahin Łódź").split(" ");

    private LongStories() {
    }

    /** About {@code chars} characters of paragraphs (40 to 90 words each), one a line pair apart. */
    public static List<String> paragraphs(int chars, long seed) {
        Random random = new Random(seed);
        List<String> paragraphs = new ArrayList<>();
        int total = 0;
        while (total < chars) {
            String paragraph = sentence(random, 40 + random.nextInt(50));
            paragraphs.add(paragraph);
            total += paragraph.length() + 2;
        }
        return paragraphs;
    }

    /** A writer's second pass: a word changed in one paragraph of ten, a few paragraphs added and cut. */
    public static List<String> edited(List<String> paragraphs, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            String paragraph = paragraphs.get(i);
            if (i % 10 == 3) {
                String[] words = paragraph.split(" ");
                words[random.nextInt(words.length)] = "REVISED";
                paragraph = String.join(" ", words);
            }
            if (i % 97 == 50) {
                continue;
            }
            out.add(paragraph);
            if (i % 89 == 40) {
                out.add(sentence(random, 60));
            }
        }
        return out;
    }

    /** Every paragraph touched: one word in each replaced (a search-and-replace through the whole story). */
    public static List<String> everyParagraphTouched(List<String> paragraphs) {
        return paragraphs.stream().map(p -> "Updated: " + p).toList();
    }

    /** A heavy rework: every other word of every paragraph replaced. */
    public static List<String> reworked(List<String> paragraphs, long seed) {
        Random random = new Random(seed);
        return paragraphs.stream().map(p -> {
            String[] words = p.split(" ");
            for (int w = 0; w < words.length; w += 2) {
                words[w] = WORDS[random.nextInt(WORDS.length)];
            }
            return String.join(" ", words);
        }).toList();
    }

    public static String text(List<String> paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    /** As the story body stores it: one {@code <p>} a paragraph. */
    public static String html(List<String> paragraphs) {
        StringBuilder html = new StringBuilder();
        paragraphs.forEach(p -> html.append("<p>").append(p).append("</p>"));
        return html.toString();
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                s.append(' ');
            }
            s.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.append('.').toString();
    }
}
