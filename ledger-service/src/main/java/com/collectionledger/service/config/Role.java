package com.collectionledger.service.config;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.util.Locale;

/** What a node runs ({@code ledger.role}): the command side, the query side, or both. */
enum Role {
    COMMAND, QUERY, BOTH;

    /**
     * The role the environment sets. Read before the settings are bound (conditions decide which beans
     * there are), so an unknown one is refused here, in words, rather than as a failed conversion.
     */
    static Role of(Environment environment) {
        Binder binder = Binder.get(environment);
        binder.bind("ledger.role", String.class).ifBound(Role::parse);
        return binder.bindOrCreate("ledger", LedgerProperties.class).role();
    }

    private static Role parse(String setting) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(setting.trim())) {
                return role;
            }
        }
        throw new IllegalStateException("ledger.role (LEDGER_ROLE) is '" + setting
                + "'; it must be command, query or both");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
