package com.collectionledger.command.collection.rules;

import com.collectionledger.api.collection.CollectionSchedule;
import com.collectionledger.api.error.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A collection's schedule: a cron expression or an interval, each with its own schedule_config. */
class ScheduleRulesTest {

    private final List<Violation> violations = new ArrayList<>();

    private List<List<String>> locations() {
        return violations.stream().map(Violation::location).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 2 * * *", "*/15 9-17 * * MON-FRI", "0 0 1 jan,jul *", "5,35 */2 1-15/2 * 0",
            "0 0 * * 7", "@daily", "@HOURLY", "  30 4 * * SUN  "})
    void cronExpressionsOfFiveFieldsOrAMacroAreAccepted(String expression) {
        assertThat(ScheduleRules.cronProblem(expression.trim())).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 2 * *", "0 2 * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *",
            "* * * * 8", "*/0 * * * *", "1- * * * *", "1,,2 * * * *", "L * * * *", "@reboot", "0 2 * * MONDAY"})
    void cronExpressionsOutsideTheirFieldsAreRejected(String expression) {
        assertThat(ScheduleRules.cronProblem(expression)).isNotNull();
    }

    @Test
    void noScheduleIsValid() {
        ScheduleRules.check(null, violations);

        assertThat(violations).isEmpty();
    }

    @Test
    void cronAndIntervalSchedulesWithTheirConfigAreValid() {
        ScheduleRules.check(new CollectionSchedule("cron", Map.of("cron_expression", "0 2 * * *",
                "timezone", "Europe/Berlin"), null), violations);
        ScheduleRules.check(new CollectionSchedule("interval", Map.of("interval_seconds", 21_600,
                "start_immediately", true), null), violations);

        assertThat(violations).isEmpty();
    }

    @Test
    void aScheduleWithoutTriggerTypeOrConfigIsReportedAtEach() {
        ScheduleRules.check(new CollectionSchedule(null, null, null), violations);

        assertThat(locations()).containsExactly(List.of("schedule", "trigger_type"),
                List.of("schedule", "schedule_config"));
    }

    @Test
    void intervalSecondsMustBeAWholePositiveNumber() {
        ScheduleRules.check(new CollectionSchedule("interval", Map.of("interval_seconds", 0.5), null), violations);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location()).containsExactly("schedule", "schedule_config", "interval_seconds");
            assertThat(v.message()).isEqualTo("interval_seconds must be an integer");
        });
    }
}
