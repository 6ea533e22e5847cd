package com.collectionledger.service;

import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * collection-ledger: the command side, the query side and the HTTP API, in one process or split by
 * role. The sides and the write and read routes are scanned by RoleConfiguration, as the node's role
 * says; this scans the rest of the service. Axon's JPA storage is excluded so its JDBC engine stores
 * events, tokens and dead letters.
 *
 * <p>The other exclusions are auto-configurations of libraries that are on the classpath only as
 * dependencies of others and that the service never uses: metrics and observations (no metrics
 * endpoint is exposed, nothing records a meter), Gson (Jackson writes every body), WebSocket, and the
 * outgoing HTTP client builders. Each costs start-up time (about 600 classes loaded together).
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {JpaAutoConfiguration.class, JpaEventStoreAutoConfiguration.class},
        excludeName = {
                "org.springframework.boot.autoconfigure.gson.GsonAutoConfiguration",
                "org.springframework.boot.autoconfigure.websocket.servlet.WebSocketServletAutoConfiguration",
                "org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration",
                "org.springframework.boot.autoconfigure.http.client.reactive.ClientHttpConnectorAutoConfiguration",
                "org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration",
                "org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration",
                "org.springframework.boot.autoconfigure.web.reactive.function.client.WebClientAutoConfiguration",
                "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.JvmMetricsAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.LogbackMetricsAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.SystemMetricsAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.integration.IntegrationMetricsAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.jdbc.DataSourcePoolMetricsAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.startup.StartupTimeMetricsListenerAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.task.TaskExecutorMetricsAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.web.tomcat.TomcatMetricsAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.observation.web.client.HttpClientObservationsAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.observation.web.servlet.WebMvcObservationAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.scheduling.ScheduledTasksObservabilityAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.ssl.SslObservabilityAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration"})
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "com\\.collectionledger\\.service\\.rest\\.(write|read)\\..*")})
public class LedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}
