package com.collectionledger.command.collection;

import com.collectionledger.api.error.Violation;
import com.collectionledger.api.template.CreateTemplateFromCollectionCommand;
import com.collectionledger.command.domain.DomainException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of a template's own fields, as Mixpeek's CreateTemplateFromResourceRequest bounds them.
 * Templates of this service are visible to the keys that may use their namespace, and to no one
 * else: that is Mixpeek's scope {@code organization}; the other scopes and public templates are
 * rejected rather than stored with a promise the service does not keep.
 */
final class TemplateRules {

    static final String SCOPE = "organization";
    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 1_000;
    static final int MAX_CATEGORY = 50;
    static final int MAX_TAGS = 50;
    static final int MAX_TAG = 100;
    private static final Set<String> OTHER_SCOPES = Set.of("system", "user", "public");

    private TemplateRules() {
    }

    /** @throws DomainException with every violation of the command's template fields */
    static void check(CreateTemplateFromCollectionCommand command) {
        List<Violation> violations = new ArrayList<>();
        String name = command.templateName();
        if (name == null || name.isBlank()) {
            violations.add(Violation.at("template_name is required", "missing", "template_name"));
        } else {
            checkText(name, MAX_NAME, "template_name", violations);
        }
        String description = command.description();
        if (description != null && length(description) > MAX_DESCRIPTION) {
            violations.add(Violation.at("description must be at most " + MAX_DESCRIPTION + " characters",
                    "string_too_long", "description"));
        }
        if (description != null && description.indexOf('\u0000') >= 0) {
            violations.add(Violation.at("description must not contain NUL (U+0000) characters", "value_error",
                    "description"));
        }
        checkScope(command.scope(), violations);
        if (command.category() != null) {
            if (command.category().isBlank()) {
                violations.add(Violation.at("category must not be empty", "value_error", "category"));
            } else {
                checkText(command.category(), MAX_CATEGORY, "category", violations);
            }
        }
        checkTags(command.tags(), violations);
        if (Boolean.TRUE.equals(command.isPublic())) {
            violations.add(Violation.at("public templates are not offered: a template is visible only in its "
                    + "namespace", "value_error", "is_public"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
    }

    private static void checkScope(String scope, List<Violation> violations) {
        if (scope == null || scope.equals(SCOPE)) {
            return;
        }
        if (OTHER_SCOPES.contains(scope)) {
            violations.add(Violation.at("scope '" + scope + "' is not offered: a template is visible to every key "
                    + "that may use its namespace, which is scope 'organization' (the default)", "value_error",
                    "scope"));
        } else {
            violations.add(Violation.at("scope must be one of [system, organization, user, public]", "enum",
                    "scope"));
        }
    }

    /** Tags as stored: each once, in the order first given. */
    static List<String> distinct(List<String> tags) {
        return tags == null ? List.of() : List.copyOf(new LinkedHashSet<>(tags));
    }

    /** At most {@value #MAX_TAGS} tags, each a non-empty one-line text of at most {@value #MAX_TAG} characters. */
    static void checkTags(List<String> tags, List<Violation> violations) {
        if (tags == null) {
            return;
        }
        if (tags.size() > MAX_TAGS) {
            violations.add(Violation.at("at most " + MAX_TAGS + " tags", "value_error", "tags"));
            return;
        }
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag == null || tag.isBlank()) {
                violations.add(Violation.at("a tag must not be empty", "missing", "tags", String.valueOf(i)));
            } else {
                checkText(tag, MAX_TAG, "tags", violations, String.valueOf(i));
            }
        }
    }

    /** A one-line text: at most {@code max} characters, no control characters. */
    private static void checkText(String text, int max, String field, List<Violation> violations, String... index) {
        String[] path = index.length == 0 ? new String[]{field} : new String[]{field, index[0]};
        String what = index.length == 0 ? field : "a tag";
        if (length(text) > max) {
            violations.add(Violation.at(what + " must be at most " + max + " characters", "string_too_long", path));
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            violations.add(Violation.at(what + " must not contain control characters", "value_error", path));
        }
        // A database stores such a character as '?': two distinct tags could then collide in the read model.
        if (hasUnpairedSurrogate(text)) {
            violations.add(Violation.at(what + " must be valid Unicode (no unpaired surrogate)", "value_error", path));
        }
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
