package com.collectionledger.service;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** What may import what: the contract stays free of Spring, the two sides stay apart, the domain stays plain. */
@AnalyzeClasses(packages = "com.collectionledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule sharedApiHasNoSpring = noClasses().that().resideInAPackage("com.collectionledger.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule sharedApiDependsOnNoSide = noClasses().that().resideInAPackage("com.collectionledger.api..")
            .should().dependOnClassesThat().resideInAnyPackage("com.collectionledger.command..",
                    "com.collectionledger.query..", "com.collectionledger.service..");

    @ArchTest
    static final ArchRule querySideNeverImportsCommandSide = noClasses().that()
            .resideInAPackage("com.collectionledger.query..")
            .should().dependOnClassesThat().resideInAPackage("com.collectionledger.command..");

    @ArchTest
    static final ArchRule commandSideNeverImportsQuerySide = noClasses().that()
            .resideInAPackage("com.collectionledger.command..")
            .should().dependOnClassesThat().resideInAPackage("com.collectionledger.query..");

    @ArchTest
    static final ArchRule domainHasNoSpringWebOrPersistence = noClasses().that()
            .resideInAnyPackage("com.collectionledger.command.domain..", "com.collectionledger.command.collection..",
                    "com.collectionledger.command.namespace..", "com.collectionledger.command.bucket..",
                    "com.collectionledger.command.catalog..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                    "java.sql..", "javax.sql..", "com.collectionledger.service.rest.write..",
                    "com.collectionledger.command.directory..");

    @ArchTest
    static final ArchRule sidesDoNotReachIntoTheAssembly = noClasses().that()
            .resideInAnyPackage("com.collectionledger.command..", "com.collectionledger.query..")
            .should().dependOnClassesThat().resideInAPackage("com.collectionledger.service..");
}
