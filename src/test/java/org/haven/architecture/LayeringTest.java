package org.haven.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rooms of the house (docs/ARCHITECTURE.md, ADR 11), enforced: {@code org.haven.core} (features,
 * services, rules, repositories; no JavaFX), {@code org.haven.gui} (views and view models per feature,
 * the toolkit, the shell), {@code org.haven.cli} (the commands), the benchmark in its own source set.
 */
class LayeringTest {
    private static JavaClasses all;

    @BeforeAll
    static void importClasses() {
        all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.haven");
    }

    /** The benchmark's source set (src/bench): its own package and the steps it keeps in feature packages. */
    private static final DescribedPredicate<JavaClass> BENCHMARK = DescribedPredicate.describe(
            "the benchmark (src/bench)", c -> c.getPackageName().startsWith("org.haven.bench")
                    || c.getSimpleName().matches(".*(Bench|BenchStep|BenchCommand)") || c.getName().matches(".*(Bench|BenchStep|BenchCommand)\\$.*"));

    /** The two doors into the window: {@code Main} without arguments and {@code haven gui}; they only call the launcher. */
    private static final DescribedPredicate<JavaClass> OPENS_THE_WINDOW = DescribedPredicate.describe(
            "the window's launchers (Main, cli.GuiCommand)", c -> c.getName().equals("org.haven.Main")
                    || c.getName().equals("org.haven.cli.GuiCommand") || c.getName().startsWith("org.haven.Main$"));

    @Test
    void everyClassLivesInARoom() {
        classes().that(DescribedPredicate.not(BENCHMARK)).and(DescribedPredicate.not(OPENS_THE_WINDOW))
                .should().resideInAnyPackage("org.haven.core..", "org.haven.gui..", "org.haven.cli..")
                .because("a newcomer finds a class by what it is: core, window or command (ADR 11)")
                .check(all);
    }

    @Test
    void theCoreKnowsNeitherTheWindowNorTheCommands() {
        noClasses().that().resideInAPackage("org.haven.core..").and(DescribedPredicate.not(BENCHMARK))
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "org.controlsfx..",
                        "atlantafx..", "org.kordamp..", "org.haven.gui..", "org.haven.cli..")
                .orShould().dependOnClassesThat(OPENS_THE_WINDOW)
                .because("rules, services and texts serve the window, the CLI and `haven serve` alike, and run without"
                        + " a display; texts come from core.common.Messages in the language asked for (ADR 11, ADR 13)")
                .check(all);
    }

    @Test
    void theCommandsNeverUseTheWindow() {
        noClasses().that().resideInAPackage("org.haven.cli..").and(DescribedPredicate.not(OPENS_THE_WINDOW))
                .and(DescribedPredicate.not(BENCHMARK))
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.haven.gui..")
                .because("the command line runs where there is no display (CI, a server); only `haven gui` opens the window")
                .check(all);
    }

    @Test
    void viewsNeverTouchTheDatabase() {
        noClasses().that().resideInAPackage("org.haven.gui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.haven.core.db.jooq..", "java.sql..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .because("data flows view -> view model -> service -> repository -> jOOQ")
                .check(all);
    }

    private static final DescribedPredicate<JavaClass> WINDOW_ABOVE_THE_TOOLKIT = DescribedPredicate.describe(
            "the window's features and shell", c -> c.getPackageName().startsWith("org.haven.gui.")
                    && !c.getPackageName().startsWith("org.haven.gui.toolkit"));

    @Test
    void theToolkitKnowsNoFeatureAndNotTheShell() {
        noClasses().that().resideInAPackage("org.haven.gui.toolkit..")
                .should().dependOnClassesThat(WINDOW_ABOVE_THE_TOOLKIT)
                .because("the toolkit (FxTasks, I18n, Dialogs...) is what every view builds on; it sits below them all")
                .check(all);
    }

    /** Services, exports and settings that the window and the CLI get from {@code Haven}, never build themselves. */
    private static final DescribedPredicate<JavaConstructorCall> BUILDS_A_SERVICE = DescribedPredicate.describe(
            "a service's constructor", call -> call.getTargetOwner().getName()
                    .matches("org\\.haven\\.core\\.[a-z.]+\\.([A-Za-z]+Service|PersonDeletion|OrganisationSettings|IdentifiedExport|AnonymizedExporter)"));

    @Test
    void windowAndCommandsGetTheirServicesFromHaven() {
        noClasses().that().resideInAnyPackage("org.haven.gui..", "org.haven.cli..")
                // the grid takes its duplicate check from its caller (its tests pass their own)
                .and().doNotHaveSimpleName("IntakeGrid")
                .should().callConstructorWhere(BUILDS_A_SERVICE)
                .because("Haven is the one place that builds the services (ADR 15), so each is made with the same parts everywhere")
                .check(all);
    }

    @Test
    void nothingInTheProductDependsOnTheBenchmark() {
        noClasses().that(DescribedPredicate.not(BENCHMARK))
                .should().dependOnClassesThat(BENCHMARK)
                .because("the jar and the installer leave the benchmark out; the product finds it only through service lists")
                .check(all);
    }

    /** A repository, or a class nested in one (CaseRepository's Matches, the query it builds). */
    private static final DescribedPredicate<JavaClass> REPOSITORY = DescribedPredicate.describe(
            "a repository (or a class nested in one)", c -> c.getName().matches(".*Repository(\\$.*)?"));

    /** SQL lives in the repositories (and db/): ADR 14. No class elsewhere names a generated table or record. */
    @Test
    void generatedTablesOnlyInRepositoriesAndDb() {
        noClasses().that(DescribedPredicate.not(REPOSITORY)).and().resideOutsideOfPackages("org.haven.core.db..")
                .and(DescribedPredicate.not(BENCHMARK))
                .should().dependOnClassesThat().resideInAPackage("org.haven.core.db.jooq..")
                .because("SQL is written in one place per feature, so a second database dialect is a one-place matter")
                .check(all);
    }

    /** No cycles between the core's feature slices (org.haven.core.X with its sub-packages); the layers are in docs/ARCHITECTURE.md. */
    @Test
    void coreFeatureSlicesAreFreeOfCycles() {
        SlicesRuleDefinition.slices().matching("org.haven.core.(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                // the generated jOOQ classes name the features' enums of enum-valued columns (pom.xml forcedTypes)
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("org.haven.core.db.jooq.."),
                        DescribedPredicate.describe("an enum", JavaClass::isEnum))
                .ignoreDependency(BENCHMARK, DescribedPredicate.alwaysTrue())
                .ignoreDependency(DescribedPredicate.alwaysTrue(), BENCHMARK)
                .because("a feature is read, tested and moved on its own only if no path leads back to it")
                .check(all.that(DescribedPredicate.not(BENCHMARK)));
    }

    /**
     * No cycles between the window's slices (org.haven.gui.X: the toolkit, each feature's screens, the
     * shell): the shell installs the features, and they reach the main window only through the
     * toolkit's AppWindow (or gui.cases' CaseWindow), never through the shell.
     */
    @Test
    void windowSlicesAreFreeOfCycles() {
        SlicesRuleDefinition.slices().matching("org.haven.gui.(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .because("a screen is read, tested and moved on its own only if no path leads back to it")
                .check(all);
    }
}
