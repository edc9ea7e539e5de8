package org.copydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smallrye.config.ConfigMappingInterface;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;

import org.junit.jupiter.api.Test;

/**
 * README.md's configuration table and {@link CopydeskConfig} say the same: every property of the mapping is named
 * in the table, and no {@code COPYDESK_} variable the table names is missing from the mapping (a renamed or removed
 * setting would otherwise stay documented, and a new one undocumented). The table's default column holds each
 * default the mapping writes, in backticks.
 * <p>
 * The rule for what is checked: the table's first column names variables in full, in backticks; those starting
 * {@code COPYDESK_} are Copydesk's and are checked here. Those starting {@code QUARKUS_} are Quarkus's own settings,
 * listed because they matter to an operator; Quarkus documents and owns them, so they are not checked (the few the
 * app reads are in {@link QuarkusSettings}). A name the table gives in any other form fails the test, so the rule
 * cannot be dodged by an abbreviation such as {@code _PASSWORD}.
 */
class ConfigurationTableTest {

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    @Test
    void theReadmeTableNamesEverySettingOfTheMappingAndNoOther() throws IOException {
        Map<String, Optional<String>> mapped = mappedVariables();
        Map<String, Row> documented = documentedVariables();

        assertThat(documented.keySet()).as("COPYDESK_ variables in README.md's configuration table")
                .containsExactlyInAnyOrderElementsOf(mapped.keySet());
    }

    @Test
    void theReadmeTableGivesTheDefaultsTheMappingWrites() throws IOException {
        Map<String, Row> documented = documentedVariables();
        mappedVariables().forEach((variable, byDefault) -> byDefault.ifPresent(value -> {
            Row row = documented.get(variable);
            if (row != null) { // a missing row is the other test's failure
                assertThat(row.defaults()).as("the defaults README.md gives on the row of " + variable).contains(value);
            }
        }));
    }

    @Test
    void theMappingIsReadAsExpected() {
        // Guards the two tests above against reading nothing: names come out as Quarkus maps environment variables.
        Map<String, Optional<String>> mapped = mappedVariables();
        assertThat(mapped).containsEntry("COPYDESK_SIGN_IN_FAILURES_PER_ACCOUNT", Optional.of("5"))
                .containsEntry("COPYDESK_PUBLIC_URL", Optional.empty())
                .containsEntry("COPYDESK_IMAGES_WAIT_FOR_TURN", Optional.of("20s"));
        assertThat(mapped.keySet()).allMatch(name -> name.matches("COPYDESK_[A-Z0-9_]+"));
    }

    /** Each leaf property of the mapping as its environment variable, with the default it writes (if any). */
    static Map<String, Optional<String>> mappedVariables() {
        Map<String, Optional<String>> variables = new TreeMap<>();
        for (Map.Entry<String, ConfigMappingInterface.Property> entry
                : ConfigMappings.getProperties(ConfigClass.configClass(CopydeskConfig.class)).entrySet()) {
            ConfigMappingInterface.Property property = entry.getValue();
            if (property.isGroup()) {
                continue;
            }
            Optional<String> byDefault = property.hasDefaultValue() ? Optional.of(property.getDefaultValue()) : Optional.empty();
            variables.put(entry.getKey().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), byDefault);
        }
        return variables;
    }

    /** The rows of README.md's "## Configuration" table, by each COPYDESK_ variable their first cell names. */
    static Map<String, Row> documentedVariables() throws IOException {
        List<String> rows = configurationTable();
        Map<String, Row> variables = new LinkedHashMap<>();
        for (String line : rows) {
            String[] cells = line.split("\\|");
            // "| names | meaning | default |" splits into "", names, meaning, default
            assertThat(cells).as("a row of three cells: " + line).hasSizeGreaterThanOrEqualTo(4);
            List<String> names = codes(cells[1]);
            List<String> defaults = codes(cells[cells.length - 1]);
            assertThat(names).as("variables named in backticks: " + line).isNotEmpty();
            for (String name : names) {
                assertThat(name).as("a variable written in full, COPYDESK_… or QUARKUS_…: " + line)
                        .matches("(COPYDESK|QUARKUS)_[A-Z0-9_]+");
                if (name.startsWith("COPYDESK_")) {
                    assertThat(variables).as("named once only: " + name).doesNotContainKey(name);
                    variables.put(name, new Row(line, defaults));
                }
            }
        }
        return variables;
    }

    private static List<String> configurationTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int heading = lines.indexOf("## Configuration");
        assertThat(heading).as("README.md has a \"## Configuration\" section").isNotNegative();
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(heading + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("|")) {
                inTable = true;
                if (!line.startsWith("| variable ") && !line.startsWith("|---")) {
                    rows.add(line);
                }
            } else if (inTable) {
                break; // the table ends at its first non-table line
            }
        }
        assertThat(rows).as("rows of README.md's configuration table").isNotEmpty();
        return rows;
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    record Row(String line, List<String> defaults) {
    }
}
