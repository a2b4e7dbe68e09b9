package org.haven.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
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

    /** The two doors into the window: {@code Main} without arguments and {@code haven gui}; they only call the launcher. */
    private static final DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> OPENS_THE_WINDOW = DescribedPredicate.describe(
            "the window's launchers (Main, cli.GuiCommand)", c -> c.getName().equals("org.haven.Main")
                    || c.getName().equals("org.haven.cli.GuiCommand") || c.getName().startsWith("org.haven.Main$"));

    @Test
    void theCoreAndTheCommandsNeverUseTheWindowsShell() {
        noClasses().that().resideOutsideOfPackages("org.haven.app..", "..ui..")
                .and(DescribedPredicate.not(BENCHMARK)).and(DescribedPredicate.not(OPENS_THE_WINDOW))
                .should().dependOnClassesThat().resideInAPackage("org.haven.app..")
                .because("app/ is the window's shell (its language, dialogs, workers); the core and the CLI take texts from"
                        + " common.Messages in the language asked for (ADR 11, ADR 13)")
                .check(classes);
    }

    /** Services, exports and settings that the window and the CLI get from {@code Haven}, never build themselves. */
    private static final DescribedPredicate<JavaConstructorCall> BUILDS_A_SERVICE = DescribedPredicate.describe(
            "a service's constructor", call -> call.getTargetOwner().getName()
                    .matches("org\\.haven\\.[a-z.]+\\.([A-Za-z]+Service|PersonDeletion|OrganisationSettings|IdentifiedExport|AnonymizedExporter)"));

    @Test
    void windowAndCommandsGetTheirServicesFromHaven() {
        noClasses().that().resideInAnyPackage("..ui..", "org.haven.app..", "org.haven.cli..")
                // the grid takes its duplicate check from its caller (its tests pass their own)
                .and().doNotHaveSimpleName("IntakeGrid")
                .should().callConstructorWhere(BUILDS_A_SERVICE)
                .because("Haven is the one place that builds the services (ADR 15), so each is made with the same parts everywhere")
                .check(classes);
    }

    /** The benchmark's source set (src/bench): its own package and the steps it keeps in feature packages. */
    private static final DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> BENCHMARK = DescribedPredicate.describe(
            "the benchmark (src/bench)", c -> c.getPackageName().startsWith("org.haven.bench")
                    || c.getSimpleName().matches(".*(Bench|BenchStep|BenchCommand)") || c.getName().matches(".*(Bench|BenchStep|BenchCommand)\\$.*"));

    @Test
    void nothingInTheProductDependsOnTheBenchmark() {
        noClasses().that(DescribedPredicate.not(BENCHMARK))
                .should().dependOnClassesThat(BENCHMARK)
                .because("the jar and the installer leave the benchmark out; the product finds it only through service lists")
                .check(classes);
    }

    /** A repository, or a class nested in one (CaseRepository's Matches, the query it builds). */
    private static final DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> REPOSITORY = DescribedPredicate.describe(
            "a repository (or a class nested in one)", c -> c.getName().matches(".*Repository(\\$.*)?"));

    /** SQL lives in the repositories (and db/): ADR 14. No class elsewhere names a generated table or record. */
    @Test
    void generatedTablesOnlyInRepositoriesAndDb() {
        noClasses().that(DescribedPredicate.not(REPOSITORY)).and().resideOutsideOfPackages("org.haven.db..")
                .and(DescribedPredicate.not(BENCHMARK))
                .should().dependOnClassesThat().resideInAPackage("org.haven.db.jooq..")
                .because("SQL is written in one place per feature, so a second database dialect is a one-place matter")
                .check(classes);
    }

    /**
     * No cycles between feature slices (org.haven.X with its sub-packages, e.g. cases with cases.ui),
     * ADR 11; the layers, low to high, are listed in docs/ARCHITECTURE.md. The window and the
     * commands (app, the ui packages, cli) sit above every slice and are left out.
     */
    private static final DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> WINDOW_AND_COMMANDS = DescribedPredicate.describe(
            "the window and the commands", c -> c.getPackageName().startsWith("org.haven.app") || c.getPackageName().contains(".ui")
                    || c.getPackageName().startsWith("org.haven.cli"));

    @Test
    void featureSlicesAreFreeOfCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition
                .slices().matching("org.haven.(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .ignoreDependency(BENCHMARK, DescribedPredicate.alwaysTrue())
                .ignoreDependency(DescribedPredicate.alwaysTrue(), BENCHMARK)
                .because("a feature is read, tested and moved on its own only if no path leads back to it")
                .check(classes.that(DescribedPredicate.not(BENCHMARK)).that(DescribedPredicate.not(WINDOW_AND_COMMANDS)));
    }
}
