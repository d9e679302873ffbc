package org.rnnlab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.rnnlab.archfixture.PaintingViewModel;
import org.rnnlab.archfixture.PlainViewModel;
import org.rnnlab.common.archfixture.QualifiedFxName;

/** The rules of {@link ArchitectureTest} catch what they are meant to (on fixtures, not on the app). */
class ArchitectureRulesTest {

    @Test
    void aNestedClassOfAViewModelUsingAColourIsCaught() {
        JavaClasses classes = new ClassFileImporter().importClasses(PaintingViewModel.class, PaintingViewModel.Cell.class);
        EvaluationResult result = ArchitectureTest.viewModelsHaveNoNodes.evaluate(classes);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("PaintingViewModel$Cell"), result.getFailureReport().toString());
    }

    @Test
    void aViewModelWithPropertiesOnlyPasses() {
        JavaClasses classes = new ClassFileImporter().importClasses(PlainViewModel.class);
        assertFalse(ArchitectureTest.viewModelsHaveNoNodes.evaluate(classes).hasViolation());
    }

    @Test
    void javaFxByItsFullNameInALowerLayerIsCaught() {
        JavaClasses classes = new ClassFileImporter().importClasses(QualifiedFxName.class);
        EvaluationResult result = ArchitectureTest.layersBelowTheUiHaveNoJavaFx.evaluate(classes);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("javafx.scene.control.Label"), result.getFailureReport().toString());
    }
}
