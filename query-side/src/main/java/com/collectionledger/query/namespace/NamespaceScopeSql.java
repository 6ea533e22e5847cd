package com.collectionledger.query.namespace;

import java.util.List;

/**
 * A key's namespace scope as an SQL condition on a namespace table's {@code namespace_id} and {@code namespace_name}:
 * entries are IDs, names or patterns with {@code *}, matched with LIKE ({@code *} as {@code %}, the rest escaped).
 */
final class NamespaceScopeSql {

    private NamespaceScopeSql() {
    }

    /** The condition on the table aliased {@code alias}, in parentheses; its parameters are appended to {@code args}. */
    static String condition(String alias, List<String> scope, List<Object> args) {
        StringBuilder where = new StringBuilder("(1 = 0");
        for (String entry : scope) {
            String like = entry.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%');
            where.append(" OR ").append(alias).append(".namespace_id LIKE ? ESCAPE '\\' OR ").append(alias)
                    .append(".namespace_name LIKE ? ESCAPE '\\'");
            args.add(like);
            args.add(like);
        }
        return where.append(")").toString();
    }
}
