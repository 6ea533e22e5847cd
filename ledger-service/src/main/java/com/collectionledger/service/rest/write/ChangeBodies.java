package com.collectionledger.service.rest.write;

import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;
import com.collectionledger.service.rest.InvalidRequest;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bodies of PATCH and PUT on namespaces and buckets: a JSON object whose non-null fields are all
 * ones the route changes. Anything else is a 422 that says why (its own reason, or which fields the
 * route changes), never silently dropped. A field sent as null means the same as omitted.
 */
final class ChangeBodies {

    private ChangeBodies() {
    }

    static void requireOnly(JsonNode body, Set<String> changeable, Map<String, String> reasons) {
        if (body == null || !body.isObject()) {
            throw new LedgerException(LedgerError.of(ErrorKind.BAD_REQUEST, "the body must be a JSON object"));
        }
        List<Violation> violations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (changeable.contains(name) || field.getValue().isNull()) {
                continue;
            }
            String reason = reasons.get(name);
            violations.add(reason != null
                    ? Violation.at(reason, "immutable_field", "body", name)
                    : Violation.at("'" + name + "' is not a field this route changes; it changes "
                    + String.join(", ", new TreeSet<>(changeable)), "extra_forbidden", "body", name));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
    }
}
