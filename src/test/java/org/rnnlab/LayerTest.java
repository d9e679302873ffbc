package org.rnnlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each layer below the UI on its own: it exists and none of its classes uses JavaFX. One test per
 * layer, so a failure names the layer; the bytecode is read, so fully qualified names count too.
 */
class LayerTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rnnlab");

    @ParameterizedTest
    @ValueSource(strings = {"text", "engine", "training", "cli", "common"})
    void layerHasNoJavaFx(String layer) {
        // An empty layer fails too (ArchUnit's failOnEmptyShould): a renamed package is not silently skipped.
        noClasses().that().resideInAPackage("org.rnnlab." + layer + "..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the " + layer + " layer runs headless, in the command line and in tests")
                .check(PRODUCTION);
    }
}
