package com.collectionledger.query.config;

import com.collectionledger.query.ReadModel;
import com.collectionledger.query.replay.SegmentShare;
import com.collectionledger.query.support.DeferredInserts;
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
     * claims unclaimed segments up to its share among the live nodes ({@link SegmentShare}, never above the
     * cap, if one is set), releases those beyond it when another node joins, and extends its claims well within
     * the claim timeout, so a segment also moves when its owner stops (released at once) or dies (free once the
     * timeout has passed). The coordinator looks for free segments as often.
     * <p>
     * New collections' rows are inserted once per batch ({@link DeferredInserts}, the processor's interceptor).
     */
    @Autowired
    void configureReadModel(EventProcessingConfigurer processing, ObjectProvider<WakingEventSource> source,
                            QuerySideSettings settings, SegmentShare share, DeferredInserts deferredInserts) {
        processing.registerPooledStreamingEventProcessor(ReadModel.PROCESSING_GROUP,
                        config -> source.getObject(),
                        (config, builder) -> {
                            long claimCheck = settings.readModelClaimTimeout().toMillis() / 5;
                            builder.batchSize(settings.readModelBatchSize())
                                    .initialSegmentCount(settings.readModelSegments())
                                    .tokenClaimInterval(claimCheck)
                                    .claimExtensionThreshold(claimCheck)
                                    .maxSegmentProvider(share);
                            return builder;
                        })
                .registerListenerInvocationErrorHandler(ReadModel.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerHandlerInterceptor(ReadModel.PROCESSING_GROUP, c -> deferredInserts);
    }
}
