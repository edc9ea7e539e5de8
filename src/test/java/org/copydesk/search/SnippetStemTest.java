package org.copydesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.copydesk.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Snippets mark a word when PostgreSQL's index would find it for the searched word: the stems (of folded words, V27) must agree. */
@QuarkusTest
class SnippetStemTest {

    @Test
    void everyWordOfTheAgencyStoryIsMarkedWhenSearchedForAsPostgreSqlStemsIt() throws IOException {
        String story = Fixtures.agencyStory();
        List<String> words = new ArrayList<>(Arrays.stream(story.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).distinct().toList());
        words.addAll(List.of("dying", "lying", "tying", "skies", "news", "happily", "countries", "elections", "generously", "Ukraine"));
        // Suffixes the stemmer replaces rather than drops (a word is stemmed only when it begins as its stem does).
        words.addAll(List.of("organization", "generalizations", "relational", "abilities", "sensibility", "effectiveness",
                "hopefulness", "conditional", "electricity", "hoping", "controlling", "agreed", "proceeding", "gently", "early",
                "only", "singly", "ugly", "idly", "innings", "outing", "skis", "activation", "formalize", "radically",
                "dependence", "tolerance", "archaeology", "fearlessly", "enormously", "Yearly", "SKIES"));
        @SuppressWarnings("unchecked")
        List<Object[]> stems = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                "select w, querytree(plainto_tsquery('copydesk_english', w)) from unnest(cast(?1 as text[])) w")
                .setParameter(1, words.toArray(String[]::new)).getResultList());
        int checked = 0;
        for (Object[] row : stems) {
            String word = (String) row[0];
            String queryTree = (String) row[1];
            if (!queryTree.startsWith("'")) { // a stop word ("the"), never searched for
                continue;
            }
            assertThat(Snippet.forQueryTree(queryTree).html(word)).as(word + " as " + queryTree).isEqualTo("<mark>" + word + "</mark>");
            checked++;
        }
        assertThat(checked).isGreaterThan(150);
    }

    /**
     * Words as newsrooms write them in French, Turkish, Arabic and German, accented or not, in capitals too: marked in
     * a story of that language when searched for as that language's folded configuration (V27) stems them.
     */
    @Test
    void wordsInOtherLanguagesAreMarkedAsTheirFoldedConfigurationStemsThem() {
        java.util.Map<String, List<String>> byLanguage = java.util.Map.of(
                "fr", List.of("élections", "Élection", "ELECTIONS", "électeurs", "municipales", "Marseille", "l'État", "été",
                        "préfecture", "gouvernement", "déclaré", "hôpitaux", "français", "Noël"),
                "tr", List.of("Iğdır", "IĞDIR", "igdir", "İstanbul", "ISTANBUL", "istanbul", "ıstanbul", "haberler", "haber",
                        "seçimleri", "sonuçları", "Türkiye", "gazeteciler", "Ankara'da", "çalışmalar", "öğrenciler"),
                "ar", List.of("الانتخابات", "الاِنْتِخَابَاتُ", "البلدية", "الحكومة", "مصر", "والرئيس", "بالقاهرة"),
                "de", List.of("Häuser", "Straße", "STRASSE", "Bürgermeister", "Wahlen", "gewählt", "Österreich"));
        int checked = 0;
        for (var entry : byLanguage.entrySet()) {
            org.copydesk.language.Language language = org.copydesk.language.Languages.parse(entry.getKey()).orElseThrow();
            @SuppressWarnings("unchecked")
            List<Object[]> stems = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                    "select w, querytree(plainto_tsquery(cast(?2 as regconfig), w)) from unnest(cast(?1 as text[])) w")
                    .setParameter(1, entry.getValue().toArray(String[]::new)).setParameter(2, SearchScope.folded(language))
                    .getResultList());
            for (Object[] row : stems) {
                String word = (String) row[0];
                String queryTree = (String) row[1];
                if (!queryTree.startsWith("'")) {
                    continue;
                }
                String marked = Snippet.forLexemes(Snippet.lexemes(queryTree), language).html(word);
                assertThat(marked).as(word + " in " + language.tag() + " as " + queryTree).contains("<mark>");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(35);
    }
}
