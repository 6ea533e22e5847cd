package com.collectionledger.api.collection;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mixpeek's CollectionScheduleConfig: when the collection's documents are re-processed, as a cron
 * expression ({@code cron_expression}, {@code timezone}) or an interval ({@code interval_seconds},
 * {@code start_immediately}). This control plane stores and validates it; it runs no trigger.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectionSchedule(String triggerType, Map<String, Object> scheduleConfig, String description) {

    public static final String CRON = "cron";
    public static final String INTERVAL = "interval";

    public CollectionSchedule {
        scheduleConfig = scheduleConfig == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(scheduleConfig));
    }
}
