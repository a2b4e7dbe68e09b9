package org.haven.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules of docs/ARCHITECTURE.md, enforced: views never see SQL, services never see JavaFX. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.haven");
    }

    @Test
    void viewsNeverTouchTheDatabase() {
        noClasses().that().resideInAnyPackage("..ui..", "org.haven.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.haven.db.jooq..", "java.sql..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .because("data flows view -> service -> repository -> jOOQ")
                .check(classes);
    }

    @Test
    void servicesAndDomainNeverTouchJavaFx() {
        noClasses().that().resideOutsideOfPackages("..ui..", "org.haven.app..", "org.haven.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("rules and services are usable and testable without a window (CLI, tests)")
                .check(classes);
    }

    @Test
    void summariesTakeTheirLanguageFromTheCoreNotFromTheWindow() {
        noClasses().that().resideInAPackage("org.haven.summaries..").and().resideOutsideOfPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.haven.app..")
                .because("a summary is printed in the language asked for (haven summary --language), not the window's")
                .check(classes);
    }
}
