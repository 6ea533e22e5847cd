package com.collectionledger.service.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration table and {@link LedgerProperties} say the same: every variable it
 * documents sets a setting of its own (through application.yml where its name differs), each
 * default it states is the record's, and no setting goes undocumented.
 */
class LedgerPropertiesTest {

    /** Spring's own setting (spring.lifecycle.timeout-per-shutdown-phase), documented with ours. */
    private static final Set<String> NOT_OURS = Set.of("LEDGER_SHUTDOWN_TIMEOUT");
    private static final Pattern VARIABLE = Pattern.compile("LEDGER_[A-Z_]+");
    private static final Pattern VALUE = Pattern.compile("`([^`]*)`");

    private final Map<String, String> documented = documentedDefaults();
    private final Map<String, Object> defaults = settings(bind(Map.of()));

    @Test
    void theRecordsDefaultsAreWhatTheReadmeStates() {
        documented.forEach((variable, value) -> {
            if (value != null) {
                assertThat(settings(bind(Map.of(variable, value)))).as(variable + "=" + value).isEqualTo(defaults);
            }
        });
    }

    @Test
    void everyDocumentedVariableSetsASettingOfItsOwnAndEverySettingIsDocumented() {
        Set<String> set = new HashSet<>();
        documented.forEach((variable, value) -> {
            Map<String, Object> changed = settings(bind(Map.of(variable, other(value))));
            List<String> differing = changed.keySet().stream()
                    .filter(name -> !Objects.equals(changed.get(name), defaults.get(name))).toList();
            assertThat(differing).as(variable).hasSize(1);
            assertThat(set.add(differing.get(0))).as(variable + " sets " + differing.get(0) + " again").isTrue();
        });
        assertThat(set).containsExactlyInAnyOrderElementsOf(defaults.keySet());
    }

    /** Variable to the default the README states (null for "none"), from its configuration table. */
    private static Map<String, String> documentedDefaults() {
        String readme = read(Path.of(System.getProperty("basedir", "."), "..", "README.md"));
        String table = readme.substring(readme.indexOf("## Configuration"));
        table = table.substring(0, table.indexOf("\n## ", 1));
        Map<String, String> defaults = new TreeMap<>();
        for (String row : table.split("\n")) {
            String[] cells = row.split("\\|");
            if (cells.length < 3 || !cells[1].contains("`LEDGER_")) {
                continue;
            }
            List<String> variables = all(VARIABLE.matcher(cells[1]), 0);
            List<String> values = cells[2].isBlank() || cells[2].trim().equals("none") ? null
                    : all(VALUE.matcher(cells[2]), 1);
            for (int i = 0; i < variables.size(); i++) {
                if (!NOT_OURS.contains(variables.get(i))) {
                    defaults.put(variables.get(i),
                            values == null ? null : values.get(values.size() == 1 ? 0 : i));
                }
            }
        }
        assertThat(defaults).isNotEmpty();
        return defaults;
    }

    /** Another valid value than the default: its number one higher, the next of its choices, or another path or key. */
    private String other(String value) {
        if (value == null) {
            return "sk_documented_0123456789abcdefghijklmnopqrstuv";
        }
        Matcher number = Pattern.compile("^(\\d+)(.*)$").matcher(value);
        if (number.matches()) {
            return (Long.parseLong(number.group(1)) + 1) + number.group(2);
        }
        for (Object setting : defaults.values()) {
            if (setting instanceof Enum<?> choice && choice.toString().equals(value)) {
                Object[] choices = choice.getDeclaringClass().getEnumConstants();
                return choices[(choice.ordinal() + 1) % choices.length].toString();
            }
        }
        return value + "-elsewhere";
    }

    /** The settings as the service binds them with these environment variables and its application.yml. */
    private static LedgerProperties bind(Map<String, Object> environmentVariables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environmentVariables));
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        try {
            for (PropertySource<?> yaml : new YamlPropertySourceLoader().load("application.yml",
                    new ClassPathResource("application.yml"))) {
                environment.getPropertySources().addLast(yaml);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Binder.get(environment).bindOrCreate("ledger", LedgerProperties.class);
    }

    /** Every leaf of the record, by component name. */
    private static Map<String, Object> settings(Record record) {
        Map<String, Object> leaves = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value instanceof Record nested) {
                settings(nested).forEach((name, leaf) -> leaves.put(component.getName() + "." + name, leaf));
            } else {
                leaves.put(component.getName(), value);
            }
        }
        return leaves;
    }

    private static List<String> all(Matcher matcher, int group) {
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        return found;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
