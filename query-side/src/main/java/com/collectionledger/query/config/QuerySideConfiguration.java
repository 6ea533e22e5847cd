package com.collectionledger.query.config;

import com.collectionledger.query.ReadModel;
import org.axonframework.config.EventProcessingConfigurer;
import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
public class QuerySideConfiguration {

    private WakingEventSource wakingEventSource;

    private synchronized WakingEventSource wakingEventSource(EventStore eventStore) {
        if (wakingEventSource == null) {
            wakingEventSource = new WakingEventSource(eventStore);
        }
        return wakingEventSource;
    }

    @PreDestroy
    synchronized void stopTailing() {
        if (wakingEventSource != null) {
            wakingEventSource.close();
        }
    }

    /**
     * The read model is kept by a pooled streaming processor, whose tokens live in the read model's
     * database and commit in the same transaction as its rows. A failing handler is not skipped:
     * the error propagates, the batch rolls back and the processor retries it.
     */
    @Autowired
    void configureReadModel(EventProcessingConfigurer processing, QuerySideSettings settings) {
        processing.registerPooledStreamingEventProcessor(ReadModel.PROCESSING_GROUP,
                        config -> wakingEventSource(config.eventStore()),
                        (config, builder) -> builder.batchSize(settings.readModelBatchSize())
                                .initialSegmentCount(settings.readModelSegments()))
                .registerListenerInvocationErrorHandler(ReadModel.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }
}
