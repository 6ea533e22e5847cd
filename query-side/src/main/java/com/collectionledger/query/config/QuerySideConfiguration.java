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
     * <p>
     * Several nodes on one database share the segments through their claims in the token store: a node
     * claims every unclaimed segment (up to its cap, if one is set) and extends its claims well within
     * the claim timeout, so a segment moves only when its owner stops (released at once) or dies (free
     * once the timeout has passed). The coordinator looks for free segments as often.
     */
    @Autowired
    void configureReadModel(EventProcessingConfigurer processing, ObjectProvider<WakingEventSource> source,
                            QuerySideSettings settings) {
        processing.registerPooledStreamingEventProcessor(ReadModel.PROCESSING_GROUP,
                        config -> source.getObject(),
                        (config, builder) -> {
                            long claimCheck = settings.readModelClaimTimeout().toMillis() / 5;
                            builder.batchSize(settings.readModelBatchSize())
                                    .initialSegmentCount(settings.readModelSegments())
                                    .tokenClaimInterval(claimCheck)
                                    .claimExtensionThreshold(claimCheck);
                            if (settings.readModelMaxClaimedSegments() > 0) {
                                builder.maxClaimedSegments(settings.readModelMaxClaimedSegments());
                            }
                            return builder;
                        })
                .registerListenerInvocationErrorHandler(ReadModel.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }
}
