package com.collectionledger.service.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Axon's update checker and its console banner read JVM system properties, not Spring's, so the
 * defaults of application.yml ({@code axoniq.update-checker.disabled}, {@code disable-axoniq-console-message})
 * are copied there before Axon starts. An operator can still opt in by setting them to false.
 */
public class NoCallHome implements EnvironmentPostProcessor {

    static final String UPDATE_CHECKER = "axoniq.update-checker.disabled";
    static final String CONSOLE_MESSAGE = "disable-axoniq-console-message";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        copy(environment, UPDATE_CHECKER);
        copy(environment, CONSOLE_MESSAGE);
    }

    private static void copy(ConfigurableEnvironment environment, String name) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, environment.getProperty(name, "true"));
        }
    }
}
