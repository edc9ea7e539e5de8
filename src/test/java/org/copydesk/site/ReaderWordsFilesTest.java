package org.copydesk.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every language's file says every word: Qute would quietly show the English one for a key a file lacks, and a key
 * no method has is a typo. Lines are read as Properties read them (one key=value a line, # for comments).
 */
class ReaderWordsFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"tr", "ar", "fr", "de", "es"})
    void aLanguagesFileHasExactlyTheBundlesKeys(String language) throws IOException {
        Properties words = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages/words_" + language + ".properties")) {
            assertThat(in).as("messages/words_%s.properties", language).isNotNull();
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> methods = Arrays.stream(ReaderWords.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(words.stringPropertyNames())).isEqualTo(methods);
        assertThat(words.values()).allSatisfy(value -> assertThat(value.toString()).isNotBlank());
    }
}
