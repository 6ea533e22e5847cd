package com.collectionledger.query.support;

import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CollectionInstantiated;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inserts held back until the read model's unit of work (one batch of events, one transaction with the
 * processor's token) prepares to commit, then sent as one JDBC batch per statement: a catch-up on new
 * collections then makes a few round trips per batch of events for their views, list values and closure rows,
 * instead of several per event. Outside a unit of work an insert is written at once.
 * <p>
 * Only rows of a collection the read model held nothing of are held (see {@code ViewPositions#first}), so no
 * held row replaces or is replaced by another. As the processor's handler interceptor, this writes what it holds
 * before every event other than a collection's first ({@link #HOLDING}), whose handlers are the only ones and
 * call {@link #flush} themselves before reading or replacing rows: every handler sees every row written before it.
 */
@Component
public class DeferredInserts implements MessageHandlerInterceptor<EventMessage<?>> {

    /** The events whose handlers only hold inserts, or flush first. */
    static final Set<Class<?>> HOLDING = Set.of(CollectionCreated.class, CollectionCloned.class,
            CollectionInstantiated.class);

    private static final String RESOURCE = DeferredInserts.class.getName();

    private final JdbcTemplate jdbc;

    DeferredInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts {@code rows} with {@code sql} before the unit of work commits, or at once outside one. */
    public void insert(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.batchUpdate(sql, rows);
            return;
        }
        held(CurrentUnitOfWork.get().root()).computeIfAbsent(sql, key -> new ArrayList<>()).addAll(rows);
    }

    /** Writes every insert held so far. */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            Map<String, List<Object[]>> held = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (held != null) {
                write(held);
            }
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (!HOLDING.contains(unitOfWork.getMessage().getPayloadType())) {
            flush();
        }
        return interceptorChain.proceed();
    }

    private Map<String, List<Object[]>> held(UnitOfWork<?> root) {
        return root.getOrComputeResource(RESOURCE, key -> {
            Map<String, List<Object[]>> held = new LinkedHashMap<>();
            root.onPrepareCommit(u -> write(held));
            return held;
        });
    }

    private void write(Map<String, List<Object[]>> held) {
        held.forEach(jdbc::batchUpdate);
        held.clear();
    }
}
