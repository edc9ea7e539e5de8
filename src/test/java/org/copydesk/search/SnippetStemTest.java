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

/** Snippets mark a word when PostgreSQL's index would find it for the searched word: the stems must agree. */
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
                "select w, querytree(plainto_tsquery('english', w)) from unnest(cast(?1 as text[])) w")
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
}
