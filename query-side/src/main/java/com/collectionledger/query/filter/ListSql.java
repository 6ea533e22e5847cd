package com.collectionledger.query.filter;

import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.query.ListCriteria;
import com.collectionledger.api.query.ListFilter;
import com.collectionledger.api.query.ListFilter.Condition;
import com.collectionledger.api.query.ListFilter.Group;
import com.collectionledger.api.query.ListFilter.Logic;
import com.collectionledger.api.query.ListFilter.Operator;
import com.collectionledger.support.StoredJson;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a list query: the rows of a view's table in the caller's scope that meet the criteria's
 * filter and search, counted, sorted and paged. The same for every list route.
 */
@Component
public class ListSql {

    /** A page of views and how many rows meet the criteria in all. */
    public record Page<V>(List<V> results, long total) {
    }

    private final JdbcTemplate jdbc;
    private volatile SqlDialect dialect;

    ListSql(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param scope     a SQL condition on the table (alias {@code t}) with {@code ?} for {@code scopeArgs},
     *                  e.g. {@code t.namespace_id = ?}
     */
    public <V> Page<V> page(ListFields<V> fields, Class<V> type, String scope, List<Object> scopeArgs,
                            ListCriteria criteria, int offset, int limit) {
        List<Object> args = new ArrayList<>(scopeArgs);
        ListFilter filter = criteria.filter();
        if (criteria.search() != null && !criteria.search().isEmpty()) {
            filter = new Group(Logic.AND, List.of(filter, search(fields, criteria.search(), criteria.caseSensitive())));
        }
        String where = " WHERE " + scope + " AND " + new FilterSql(fields, dialect(), args).of(filter);
        String from = " FROM " + fields.table() + " t";
        String sortColumn = fields.sortField(criteria.sortField() == null ? fields.defaultSort() : criteria.sortField())
                .orElseThrow(() -> new IllegalArgumentException("not a sort field: " + criteria.sortField())).column();
        String order = " ORDER BY t." + sortColumn + (criteria.descending() ? " DESC" : " ASC")
                + ", t." + fields.idColumn() + " ASC";
        try {
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(limit);
            pageArgs.add(offset);
            List<V> results = jdbc.queryForList("SELECT t.document" + from + where + order + " LIMIT ? OFFSET ?",
                    String.class, pageArgs.toArray()).stream().map(document -> StoredJson.read(document, type)).toList();
            // A page that is not full, and not past the end, is the last: it tells the total without a count.
            if (results.size() < limit && (offset == 0 || !results.isEmpty())) {
                return new Page<>(results, (long) offset + results.size());
            }
            Long total = jdbc.queryForObject("SELECT COUNT(*)" + from + where, Long.class, args.toArray());
            return new Page<>(results, total == null ? 0 : total);
        } catch (DataAccessException e) {
            LedgerException invalid = regexFailure(e);
            if (invalid != null) {
                throw invalid;
            }
            throw e;
        }
    }

    /**
     * A substring, case-insensitive unless asked otherwise, of any of the resource's search fields: a
     * {@code contains} condition on each, so a column and a list of indexed values (tags) search alike.
     */
    private static ListFilter search(ListFields<?> fields, String term, boolean caseSensitive) {
        return new Group(Logic.OR, fields.searchFields().stream()
                .<ListFilter>map(field -> new Condition(field, Operator.CONTAINS, term, caseSensitive)).toList());
    }

    /**
     * A regex that the store could not run on the stored values: too costly for the bounded engine on
     * H2, or refused by PostgreSQL (SQL state 2201B): a 422 about the filters, not a 500. Null for
     * any other failure.
     */
    private static LedgerException regexFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BoundedRegex.TooCostly costly) {
                return invalidFilters("the regex '" + costly.pattern()
                        + "' needs too many steps on the stored values; simplify it");
            }
            if (t instanceof SQLException sql && "2201B".equals(sql.getSQLState())) {
                return invalidFilters("a regex in the filters is one the store cannot run; simplify it");
            }
        }
        return null;
    }

    private static LedgerException invalidFilters(String message) {
        return new LedgerException(LedgerError.invalid(List.of(Violation.at(message, "value_error", "filters"))));
    }

    private SqlDialect dialect() {
        SqlDialect known = dialect;
        if (known == null) {
            synchronized (this) {
                if (dialect == null) {
                    dialect = detectDialect();
                }
                known = dialect;
            }
        }
        return known;
    }

    private SqlDialect detectDialect() {
        SqlDialect detected = SqlDialect.of(jdbc.execute((ConnectionCallback<String>) connection ->
                connection.getMetaData().getDatabaseProductName()));
        if (detected == SqlDialect.H2) {
            jdbc.execute("CREATE ALIAS IF NOT EXISTS " + BoundedRegex.SQL_FUNCTION + " FOR '"
                    + BoundedRegex.class.getName() + ".matches'");
        }
        return detected;
    }
}
