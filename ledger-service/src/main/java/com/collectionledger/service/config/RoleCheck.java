package com.collectionledger.service.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops, before anything starts, a node whose role it cannot run: an unknown {@code ledger.role},
 * or a command node without Axon Server. A write answers with the view the read model shows, and
 * in one process without Axon Server no query node can answer a command node's queries.
 */
public class RoleCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (Role.of(environment) == Role.COMMAND
                && !environment.getProperty("axon.axonserver.enabled", Boolean.class, true)) {
            throw new IllegalStateException("ledger.role=command needs Axon Server (the axonserver profile): its "
                    + "writes answer with the read model's view, which only query nodes hold, and without Axon "
                    + "Server its queries reach no other node. Run it with Axon Server, or as ledger.role=both.");
        }
    }
}
