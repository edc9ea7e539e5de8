package org.copydesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.copydesk.language.Language;
import org.copydesk.language.Languages;
import org.junit.jupiter.api.Test;

/**
 * The database indexes a story with the configuration V27's copydesk_search_config gives its language; the app reads
 * a query with the one {@link Language#searchConfig()} names: they must be the same for every language.
 */
@QuarkusTest
class SearchConfigsAgreeTest {

    @Test
    void theDatabaseAndTheAppChooseTheSameConfigurationForEveryLanguage() {
        List<String> typed = new java.util.ArrayList<>(List.of(Locale.getISOLanguages()));
        typed.addAll(List.of("pt-BR", "en-GB", "zh-Hant-TW", "sr-Latn", "nb-NO"));
        // As stored: story.language holds the tag written the standard way ("in" is stored "id").
        List<String> tags = typed.stream().map(tag -> Languages.parse(tag).orElseThrow().tag()).distinct().toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                "select t, cast(copydesk_search_config(t) as text) from unnest(cast(?1 as text[])) t")
                .setParameter(1, tags.toArray(String[]::new)).getResultList());
        int stemmed = 0;
        for (Object[] row : rows) {
            Language language = Languages.parse((String) row[0]).orElseThrow();
            assertThat((String) row[1]).as((String) row[0]).isEqualTo(SearchScope.folded(language));
            stemmed += language.searchConfig().equals("simple") ? 0 : 1;
        }
        assertThat(stemmed).as("every configuration PostgreSQL 15 ships but simple, some by more than one tag").isGreaterThan(28);
    }
}
