package org.rnnlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.rnnlab.app.steps.LessonSteps;

/**
 * The project's structure, checked on the compiled production classes (bytecode, so a fully
 * qualified name in code counts as much as an import).
 *
 * <p>Cycles are checked at three levels, since a cycle between large packages can hide from a
 * per-package check: between the top-level packages ({@code app}, {@code cli}, {@code common},
 * {@code engine}, {@code text}, {@code training}); between the app's packages ({@code app.charts},
 * {@code app.session}, {@code app.steps} with all its steps, {@code app.support},
 * {@code app.widgets}); and between every single package. At the last level the step registry
 * ({@code app.steps.LessonSteps}) is left out: it lists every step while every step implements
 * {@code app.steps.LessonStep} and uses {@code app.steps.StepPage}, a cycle by design.
 */
@AnalyzeClasses(packages = "org.rnnlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] BELOW_THE_UI = {
        "org.rnnlab.text..", "org.rnnlab.engine..", "org.rnnlab.training..", "org.rnnlab.cli..", "org.rnnlab.common.."
    };

    @ArchTest
    static final ArchRule layersBelowTheUiHaveNoJavaFx = noClasses()
            .that().resideInAnyPackage(BELOW_THE_UI)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the text, engine, training, cli and common layers run headless: in the command line, "
                    + "in tests and on machines without a display");

    @ArchTest
    static final ArchRule layersBelowTheUiDoNotUseTheApp = noClasses()
            .that().resideInAnyPackage(BELOW_THE_UI)
            .should().dependOnClassesThat().resideInAnyPackage("org.rnnlab.app..")
            .because("the app is built on the lower layers, never the other way round");

    @ArchTest
    static final ArchRule noShadedCopiesOfLibraries = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.nd4j.shade..")
            .because("a library is used through its own artifact, declared in the pom (Jackson itself, not ND4J's "
                    + "shaded copy, which is ND4J's internals and may change or go with any ND4J release)");

    @ArchTest
    static final ArchRule cliDoesNotUseTheApp = noClasses()
            .that().resideInAPackage("org.rnnlab.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.rnnlab.app..")
            .because("the command line reproduces the lesson without the desktop app and its JavaFX runtime");

    @ArchTest
    static final ArchRule engineDoesNotUseTraining = noClasses()
            .that().resideInAPackage("org.rnnlab.engine..")
            .should().dependOnClassesThat().resideInAPackage("org.rnnlab.training..")
            .because("the engine is the model (forward, loss, BPTT); training drives it, not the reverse");

    @ArchTest
    static final ArchRule stepsDoNotUseEachOther = slices()
            .matching("org.rnnlab.app.steps.(*)..")
            .should().notDependOnEachOther()
            .because("each lesson step stands alone; what steps share lives in app.support, app.charts, "
                    + "app.widgets or app.session (the registry directly in app.steps is in no slice)");

    /** Nested and anonymous classes of a view-model ({@code FooViewModel$Bar}) count as the view-model. */
    @ArchTest
    static final ArchRule viewModelsHaveNoNodes = noClasses()
            .that().haveNameMatching(".*ViewModel(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("a view-model holds state and commands and is tested without a stage; the view builds "
                    + "the nodes (and maps plain values to colours)");

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices()
            .matching("org.rnnlab.(*)..")
            .should().beFreeOfCycles()
            .because("the layers stack: common, text, engine, training, then cli and app on top");

    @ArchTest
    static final ArchRule appPackagesAreFreeOfCycles = slices()
            .matching("org.rnnlab.app.(*)..")
            .should().beFreeOfCycles()
            .because("the steps build on session, support, charts and widgets, which must not reach back into "
                    + "a step or into each other in a circle");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices()
            .matching("org.rnnlab.(**)")
            .should().beFreeOfCycles()
            .ignoreDependency(JavaClass.Predicates.belongToAnyOf(LessonSteps.class), DescribedPredicate.alwaysTrue())
            .because("no package should need another that needs it back; the step registry, which must "
                    + "name every step, is the one exception");
}
