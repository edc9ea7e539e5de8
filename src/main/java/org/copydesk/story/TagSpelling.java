package org.copydesk.story;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;

/**
 * Tags spelt with look-alike letters ("Ukrаine" with a Cyrillic а, "Kosovο" with a Greek ο), usually pasted in
 * from elsewhere: the story would file under a tag of its own that readers take for the real one. Unicode's
 * confusables (ICU's SpoofChecker, UTS #39) catch them at entry:
 * <ul>
 * <li>a word whose letters come from scripts that are not written together (Latin with Cyrillic or Greek;
 *     Japanese kanji with kana is fine: ICU's "moderately restrictive" level);</li>
 * <li>a new tag that is not plain ASCII and looks like an existing one (the same "skeleton"), such as
 *     "Ukrɑine" with a Latin alpha. Plain ASCII names are not compared: "Modem" and "Modern" are both words.</li>
 * </ul>
 * ICU's data is read the first time a tag is checked, not at start-up.
 */
final class TagSpelling {

    private TagSpelling() {
    }

    private static final class Checkers {
        static final SpoofChecker WORDS = new SpoofChecker.Builder().setChecks(SpoofChecker.RESTRICTION_LEVEL)
                .setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE).build();
        static final SpoofChecker LOOKALIKES = new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();
    }

    /** What is wrong with the tag's spelling, as the form says it; empty when nothing is. */
    static Optional<String> mixedScripts(String tag) {
        for (String word : tag.strip().split("\\s+")) {
            if (!word.isEmpty() && Checkers.WORDS.failsChecks(word)) {
                return Optional.of("Tag “" + tag + "” mixes " + scripts(word) + " letters in one word (“" + word + "”: "
                        + letters(word, true) + "): a letter that only looks right, often pasted in from elsewhere. "
                        + "Retype the tag.");
            }
        }
        return Optional.empty();
    }

    /** Whether a new tag's name needs comparing with the existing ones (plain ASCII names are not compared). */
    static boolean worthComparing(String tag) {
        return !tag.chars().allMatch(c -> c < 128);
    }

    /** The existing tag the new one looks like, spelt with other letters, if any. */
    static Optional<String> lookalike(String tag, Collection<String> existing) {
        String wanted = tag.toLowerCase(Locale.ROOT);
        String skeleton = Checkers.LOOKALIKES.getSkeleton(wanted);
        for (String name : existing) {
            String other = name.toLowerCase(Locale.ROOT);
            if (!other.equals(wanted) && Checkers.LOOKALIKES.getSkeleton(other).equals(skeleton)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    static String lookalikeMessage(String tag, String existing) {
        return "Tag “" + tag + "” looks like the existing tag “" + existing + "” but is spelt with other letters ("
                + letters(tag, false) + "), so readers would take it for that one. Use “" + existing + "”, or retype the tag.";
    }

    /** The scripts of the text's letters, named: "Latin and Cyrillic". */
    private static String scripts(String text) {
        Set<String> names = new LinkedHashSet<>();
        text.codePoints().filter(Character::isLetter).map(UScript::getScript)
                .filter(script -> script != UScript.COMMON && script != UScript.INHERITED)
                .forEach(script -> names.add(UScript.getName(script)));
        return joined(names);
    }

    /**
     * The letters to look at, named as Unicode names them: those of another script than the word's first letter
     * ({@code otherScript}), or those beyond plain ASCII. "“а” CYRILLIC SMALL LETTER A".
     */
    private static String letters(String text, boolean otherScript) {
        int first = text.codePoints().filter(Character::isLetter).map(UScript::getScript).findFirst().orElse(UScript.COMMON);
        Set<String> named = new LinkedHashSet<>();
        text.codePoints().filter(Character::isLetter)
                .filter(c -> otherScript ? UScript.getScript(c) != first && UScript.getScript(c) != UScript.COMMON
                        && UScript.getScript(c) != UScript.INHERITED : c >= 128)
                .forEach(c -> named.add("“" + Character.toString(c) + "” " + UCharacter.getName(c)));
        return joined(named);
    }

    private static String joined(Set<String> parts) {
        String joined = String.join(", ", parts);
        int last = joined.lastIndexOf(", ");
        return last < 0 ? joined : joined.substring(0, last) + " and " + joined.substring(last + 2);
    }
}
