package com.collectionledger.service;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What may import what: the contract stays free of Spring, web and JDBC, the two sides stay apart and
 * free of web, HTTP lives in the REST adapter alone, the domain stays plain, and a public class is one
 * that another package uses.
 */
@AnalyzeClasses(packages = "com.collectionledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] WEB = {"org.springframework.web..", "org.springframework.http..",
            "org.springframework.boot.web..", "org.springframework.boot.autoconfigure.web..",
            "jakarta.servlet..", "org.apache.catalina..", "org.apache.tomcat..", "org.springdoc..",
            "io.swagger.."};

    private static final String[] DOMAIN = {"com.collectionledger.command.domain..",
            "com.collectionledger.command.collection..", "com.collectionledger.command.namespace..",
            "com.collectionledger.command.bucket.."};

    @ArchTest
    static final ArchRule sharedApiHasNoSpringWebOrJdbc = noClasses().that()
            .resideInAPackage("com.collectionledger.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                    "org.apache.catalina..", "org.apache.tomcat..", "org.springdoc..", "io.swagger..",
                    "java.sql..", "javax.sql..", "jakarta.persistence..");

    @ArchTest
    static final ArchRule sharedApiDependsOnNoSide = noClasses().that().resideInAPackage("com.collectionledger.api..")
            .should().dependOnClassesThat().resideInAnyPackage("com.collectionledger.command..",
                    "com.collectionledger.query..", "com.collectionledger.service..");

    /** The HTTP shapes (requests, responses, pagination) belong to the REST adapter, in service.rest.model. */
    @ArchTest
    static final ArchRule sharedApiHoldsNoHttpModels = noClasses().that().resideInAPackage("com.collectionledger.api..")
            .should().resideInAnyPackage("..http..", "..web..", "..rest..")
            .orShould().haveSimpleNameEndingWith("Request")
            .orShould().haveSimpleNameEndingWith("Response")
            .orShould().haveSimpleNameEndingWith("Model");

    @ArchTest
    static final ArchRule querySideNeverImportsCommandSide = noClasses().that()
            .resideInAPackage("com.collectionledger.query..")
            .should().dependOnClassesThat().resideInAPackage("com.collectionledger.command..");

    @ArchTest
    static final ArchRule commandSideNeverImportsQuerySide = noClasses().that()
            .resideInAPackage("com.collectionledger.command..")
            .should().dependOnClassesThat().resideInAPackage("com.collectionledger.query..");

    @ArchTest
    static final ArchRule sidesDoNotReachIntoTheAssembly = noClasses().that()
            .resideInAnyPackage("com.collectionledger.command..", "com.collectionledger.query..")
            .should().dependOnClassesThat().resideInAPackage("com.collectionledger.service..");

    @ArchTest
    static final ArchRule sidesHaveNoWeb = noClasses().that()
            .resideInAnyPackage("com.collectionledger.command..", "com.collectionledger.query..")
            .should().dependOnClassesThat().resideInAnyPackage(WEB);

    @ArchTest
    static final ArchRule onlyTheRestAdapterUsesWeb = noClasses().that()
            .resideOutsideOfPackage("com.collectionledger.service.rest..")
            .should().dependOnClassesThat().resideInAnyPackage(WEB);

    @ArchTest
    static final ArchRule domainHasNoSpringWebOrPersistence = noClasses().that()
            .resideInAnyPackage(DOMAIN).or().resideInAPackage("com.collectionledger.command.catalog..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                    "org.apache.catalina..", "java.sql..", "javax.sql..", "jakarta.persistence..",
                    "com.collectionledger.service..", "com.collectionledger.command.directory..");

    /** The catalog is not held to this one: it reads its data file, feature-extractors.json. */
    @ArchTest
    static final ArchRule domainHasNoJsonLibrary = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "com.google.gson..",
                    "org.json..", "jakarta.json..", "javax.json..");

    /** Public although no other package's main code uses them, each for its reason. */
    private static final Map<String, String> KEPT_PUBLIC = Map.of(
            "com.collectionledger.query.filter.BoundedRegex", "H2 calls its matches method by name (CREATE ALIAS)",
            "com.collectionledger.service.rest.RateLimiter", "RateLimitTest registers one on a clock it moves");

    /**
     * Package-private by default: a public top-level class is used by another package's main code, or
     * is one that Spring or Axon finds on its own (a component, a class with message handlers, or one
     * named in META-INF/spring.factories), or holds only constants (the compiler copies those into
     * their users, where the bytecode no longer shows where they came from), or is in KEPT_PUBLIC.
     */
    @ArchTest
    static final ArchRule publicClassesAreUsedFromAnotherPackage = classes().that()
            .resideInAnyPackage("com.collectionledger.command..", "com.collectionledger.query..",
                    "com.collectionledger.service..")
            .and().arePublic().and().areTopLevelClasses()
            .and(DescribedPredicate.not(frameworkEntryPoints()))
            .and(DescribedPredicate.not(constantHolders()))
            .and(DescribedPredicate.describe("not kept public",
                    javaClass -> !KEPT_PUBLIC.containsKey(javaClass.getName())))
            .should(beUsedFromAnotherPackage());

    private static DescribedPredicate<JavaClass> frameworkEntryPoints() {
        Set<String> factories = springFactoriesClassNames();
        return DescribedPredicate.describe("Spring or Axon entry points", javaClass ->
                javaClass.isAnnotatedWith(Component.class) || javaClass.isMetaAnnotatedWith(Component.class)
                        || javaClass.getCodeUnits().stream().anyMatch(ArchitectureTest::isAxonHandler)
                        || factories.contains(javaClass.getName()));
    }

    private static DescribedPredicate<JavaClass> constantHolders() {
        return DescribedPredicate.describe("holders of constants only", javaClass -> {
            boolean publicCode = javaClass.getCodeUnits().stream()
                    .anyMatch(codeUnit -> codeUnit.getModifiers().contains(JavaModifier.PUBLIC));
            Set<JavaField> publicFields = javaClass.getFields().stream()
                    .filter(field -> field.getModifiers().contains(JavaModifier.PUBLIC))
                    .collect(Collectors.toSet());
            return !publicCode && !publicFields.isEmpty() && publicFields.stream().allMatch(field ->
                    field.getModifiers().containsAll(Set.of(JavaModifier.STATIC, JavaModifier.FINAL))
                            && (field.getRawType().isPrimitive() || field.getRawType().isEquivalentTo(String.class)));
        });
    }

    private static boolean isAxonHandler(JavaCodeUnit codeUnit) {
        return codeUnit.getAnnotations().stream().anyMatch(annotation -> {
            JavaClass type = annotation.getRawType();
            return type.getPackageName().startsWith("org.axonframework") && type.getSimpleName().endsWith("Handler");
        });
    }

    private static Set<String> springFactoriesClassNames() {
        Set<String> names = new HashSet<>();
        try {
            for (URL url : Collections.list(ArchitectureTest.class.getClassLoader()
                    .getResources(SpringFactoriesLoader.FACTORIES_RESOURCE_LOCATION))) {
                Properties properties = new Properties();
                try (InputStream in = url.openStream()) {
                    properties.load(in);
                }
                properties.values().forEach(value -> {
                    for (String name : value.toString().split(",")) {
                        names.add(name.trim());
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static ArchCondition<JavaClass> beUsedFromAnotherPackage() {
        return new ArchCondition<>("be used from another package") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean usedElsewhere = javaClass.getDirectDependenciesToSelf().stream()
                        .anyMatch(dependency -> !dependency.getOriginClass().getPackageName()
                                .equals(javaClass.getPackageName()));
                if (!usedElsewhere) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                            + " is public but only " + javaClass.getPackageName() + " uses it"));
                }
            }
        };
    }
}
