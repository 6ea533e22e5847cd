package com.collectionledger.command.collection.rules;

import com.collectionledger.api.collection.CollectionSchedule;
import com.collectionledger.api.error.Violation;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A collection's {@code schedule}, Mixpeek's CollectionScheduleConfig: {@code trigger_type} "cron" with
 * {@code schedule_config} {cron_expression, timezone?}, or "interval" with {interval_seconds,
 * start_immediately?}. Other keys of {@code schedule_config} are kept as given (its schema allows them).
 */
final class ScheduleRules {

    private static final Set<String> MACROS = Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
            "@midnight", "@hourly");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final ParameterSpec WHOLE_SECONDS = ParameterSpec.of(Map.of("type", "integer", "minimum", 1));
    /** One item of a cron field: *, a value or a range, with an optional step. */
    private static final Pattern ITEM = Pattern.compile("(\\*|([0-9A-Za-z]+)(?:-([0-9A-Za-z]+))?)(?:/([0-9]+))?");

    /** The five fields of a cron expression: minute, hour, day of month, month, day of week. */
    private record Field(String name, int min, int max, List<String> names, int firstNamed) {
    }

    private static final List<Field> FIELDS = List.of(new Field("minute", 0, 59, List.of(), 0),
            new Field("hour", 0, 23, List.of(), 0), new Field("day of month", 1, 31, List.of(), 0),
            new Field("month", 1, 12, MONTHS, 1), new Field("day of week", 0, 7, DAYS, 0));

    private ScheduleRules() {
    }

    static void check(CollectionSchedule schedule, List<Violation> violations) {
        if (schedule == null) {
            return;
        }
        String type = schedule.triggerType();
        if (type == null) {
            violations.add(Violation.at("schedule.trigger_type is required: 'cron' or 'interval'", "missing",
                    "schedule", "trigger_type"));
        } else if (!type.equals(CollectionSchedule.CRON) && !type.equals(CollectionSchedule.INTERVAL)) {
            violations.add(Violation.at("schedule.trigger_type must be 'cron' or 'interval'", "enum",
                    "schedule", "trigger_type"));
        }
        Map<String, Object> config = schedule.scheduleConfig();
        if (config == null) {
            violations.add(Violation.at("schedule.schedule_config is required: {cron_expression, timezone?} for "
                    + "'cron', {interval_seconds, start_immediately?} for 'interval'", "missing",
                    "schedule", "schedule_config"));
        } else if (CollectionSchedule.CRON.equals(type)) {
            checkCron(config, violations);
        } else if (CollectionSchedule.INTERVAL.equals(type)) {
            checkInterval(config, violations);
        }
    }

    private static void checkCron(Map<String, Object> config, List<Violation> violations) {
        Object expression = config.get("cron_expression");
        if (expression == null) {
            violations.add(Violation.at("a cron schedule needs schedule_config.cron_expression, e.g. '0 2 * * *'",
                    "missing", at("cron_expression")));
        } else if (!(expression instanceof String text)) {
            violations.add(Violation.at("cron_expression must be a string", "type_error", at("cron_expression")));
        } else {
            String problem = cronProblem(text.trim());
            if (problem != null) {
                violations.add(Violation.at("cron_expression '" + text + "' is not a cron expression: " + problem,
                        "value_error", at("cron_expression")));
            }
        }
        Object timezone = config.get("timezone");
        if (timezone != null && !(timezone instanceof String zone && isZone(zone))) {
            violations.add(Violation.at("timezone must be an IANA time zone such as 'UTC' or 'Europe/Berlin'",
                    "value_error", at("timezone")));
        }
    }

    private static void checkInterval(Map<String, Object> config, List<Violation> violations) {
        Object seconds = config.get("interval_seconds");
        if (seconds == null) {
            violations.add(Violation.at("an interval schedule needs schedule_config.interval_seconds, e.g. 21600",
                    "missing", at("interval_seconds")));
        } else {
            String problem = WHOLE_SECONDS.problem(seconds);
            if (problem != null) {
                violations.add(Violation.at("interval_seconds " + problem, "value_error", at("interval_seconds")));
            }
        }
        Object immediately = config.get("start_immediately");
        if (immediately != null && !(immediately instanceof Boolean)) {
            violations.add(Violation.at("start_immediately must be a boolean", "type_error", at("start_immediately")));
        }
    }

    /** What is wrong with a five-field cron expression (or a macro such as @daily), or null. */
    static String cronProblem(String expression) {
        if (MACROS.contains(expression.toLowerCase(Locale.ROOT))) {
            return null;
        }
        String[] parts = expression.split("\\s+");
        if (parts.length != FIELDS.size()) {
            return "it needs five fields (minute hour day-of-month month day-of-week), e.g. '0 2 * * *'";
        }
        for (int i = 0; i < parts.length; i++) {
            Field field = FIELDS.get(i);
            for (String item : parts[i].split(",", -1)) {
                Matcher m = ITEM.matcher(item);
                if (!m.matches()) {
                    return "'" + item + "' is not a " + field.name() + " item (*, a value, a range a-b, with /step)";
                }
                if (m.group(4) != null && !inRange(m.group(4), 1, Integer.MAX_VALUE)) {
                    return "the step of '" + item + "' must be at least 1";
                }
                for (String value : new String[]{m.group(2), m.group(3)}) {
                    if (value != null && value(value, field) == null) {
                        return field.name() + " '" + value + "' must be from " + field.min() + " to " + field.max()
                                + (field.names().isEmpty() ? "" : " or one of " + field.names());
                    }
                }
            }
        }
        return null;
    }

    private static Integer value(String text, Field field) {
        int named = field.names().indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + field.firstNamed();
        }
        return inRange(text, field.min(), field.max()) ? Integer.valueOf(text) : null;
    }

    private static boolean inRange(String digits, int min, int max) {
        if (!digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
            return false;
        }
        int value = Integer.parseInt(digits);
        return value >= min && value <= max;
    }

    private static boolean isZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String[] at(String key) {
        return new String[]{"schedule", "schedule_config", key};
    }
}
