package com.collectionledger.query.config;

import com.collectionledger.query.ReadModel;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
public class QuerySideConfiguration {

    /**
     * The read model is kept by a pooled streaming processor, whose tokens live in the read model's
     * database and commit in the same transaction as its rows. A failing handler is not skipped:
     * the error propagates, the batch rolls back and the processor retries it. Its source is the
     * event store, woken by {@link WakingEventSource}; that bean is looked up only when Axon builds
     * the processor, since the event store it needs is built from the configuration being set up here.
     */
    @Autowired
    void configureReadModel(EventProcessingConfigurer processing, ObjectProvider<WakingEventSource> source,
                            QuerySideSettings settings) {
        processing.registerPooledStreamingEventProcessor(ReadModel.PROCESSING_GROUP,
                        config -> source.getObject(),
                        (config, builder) -> builder.batchSize(settings.readModelBatchSize())
                                .initialSegmentCount(settings.readModelSegments()))
                .registerListenerInvocationErrorHandler(ReadModel.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }
}
