package com.collectionledger.service.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

/** The annotated configuration applies when {@code ledger.role} is one of these. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Conditional(ConditionalOnRole.OnRole.class)
@interface ConditionalOnRole {

    Role[] value();

    class OnRole implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Role[] roles = (Role[]) metadata.getAnnotationAttributes(ConditionalOnRole.class.getName()).get("value");
            return Arrays.asList(roles).contains(Role.of(context.getEnvironment()));
        }
    }
}
