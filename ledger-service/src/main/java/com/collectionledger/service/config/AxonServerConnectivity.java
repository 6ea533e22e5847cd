package com.collectionledger.service.config;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Says in the log, once per change, whether this node reaches Axon Server: a node that does not routes
 * no command or query (its writes and reads answer 503, its readiness is DOWN), and the connector's own
 * messages repeat on every retry without naming what to fix. It names the servers and the context
 * configured, never the token.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
class AxonServerConnectivity implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AxonServerConnectivity.class);
    private static final long CHECK_EVERY_MS = 1_000;

    private final AxonServerConnectionManager connections;
    private final String servers;
    private final String context;
    private ScheduledExecutorService checks;
    private Boolean connected;

    AxonServerConnectivity(AxonServerConnectionManager connections, AxonServerConfiguration configuration) {
        this.connections = connections;
        this.servers = configuration.getServers();
        this.context = configuration.getContext();
    }

    @Override
    public synchronized void start() {
        checks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "axon-server-connectivity");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::check, 0, CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** Compares what the connector says now with what was logged last; logs only a change. */
    synchronized void check() {
        boolean now;
        try {
            now = connections.isConnected(context);
        } catch (RuntimeException e) {
            now = false;
        }
        if (connected != null && connected == now) {
            return;
        }
        if (now) {
            log.info("Axon Server at {} (context '{}') is {}", servers, context,
                    connected == null ? "connected" : "reachable again: commands and queries are routed");
        } else if (connected == null) {
            log.error("Axon Server at {} (context '{}') is unreachable at start: this node routes nothing, answers "
                    + "commands and the queries it does not handle itself 503, and is not ready until it connects "
                    + "(check AXON_SERVER, AXON_CONTEXT and AXON_SERVER_TOKEN); retrying", servers, context);
        } else {
            log.error("Axon Server at {} (context '{}') is unreachable: commands and the queries this node does "
                    + "not handle itself answer 503 until it is back; retrying", servers, context);
        }
        connected = now;
    }

    @Override
    public synchronized void stop() {
        if (checks != null) {
            checks.shutdownNow();
            checks = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return checks != null;
    }
}
