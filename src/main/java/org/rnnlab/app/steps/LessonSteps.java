package org.rnnlab.app.steps;

import java.util.List;
import java.util.function.Function;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.steps.bptt.BpttView;
import org.rnnlab.app.steps.corpus.CorpusView;
import org.rnnlab.app.steps.dimensions.DimensionsView;
import org.rnnlab.app.steps.forward.ForwardView;
import org.rnnlab.app.steps.generate.GenerateView;
import org.rnnlab.app.steps.gradcheck.GradientCheckView;
import org.rnnlab.app.steps.languagemodel.LanguageModelView;
import org.rnnlab.app.steps.loss.LossView;
import org.rnnlab.app.steps.training.TrainingView;
import org.rnnlab.app.steps.trainingdata.TrainingDataView;
import org.rnnlab.app.steps.vocabulary.VocabularyView;

/** The lesson's steps in order: the navigation list and the content area are built from this. */
public final class LessonSteps {

    /** One entry of the navigation list. {@code id} is the node id of the step's page. */
    public record Entry(String id, String title, Ikon icon, Function<LessonSession, LessonStep> factory) {
        @Override
        public String toString() {
            return title;
        }
    }

    public static final List<Entry> ALL = List.of(
            new Entry("languageModelStep", "Language model", MaterialDesignM.MESSAGE_TEXT_OUTLINE, LanguageModelView::new),
            new Entry("corpusStep", "Corpus and tokens", MaterialDesignT.TEXT_BOX_OUTLINE, CorpusView::new),
            new Entry("vocabularyStep", "Vocabulary", MaterialDesignF.FORMAT_LIST_NUMBERED, VocabularyView::new),
            new Entry("trainingDataStep", "Training data", MaterialDesignA.ARROW_RIGHT_BOLD_BOX_OUTLINE, TrainingDataView::new),
            new Entry("dimensionsStep", "Dimensions", MaterialDesignM.MATRIX, DimensionsView::new),
            new Entry("forwardStep", "Forward pass", MaterialDesignS.SKIP_NEXT_OUTLINE, ForwardView::new),
            new Entry("lossStep", "Loss", MaterialDesignC.CHART_BELL_CURVE, LossView::new),
            new Entry("bpttStep", I18n.text("bptt.step.title"), MaterialDesignS.SOURCE_BRANCH, BpttView::new),
            new Entry("gradientCheckStep", "Gradient check", MaterialDesignC.CHECK_DECAGRAM, GradientCheckView::new),
            new Entry("trainingStep", "Training", MaterialDesignC.CHART_LINE, TrainingView::new),
            new Entry("generateStep", "Generate and predict", MaterialDesignT.TEXT_RECOGNITION, GenerateView::new));

    private LessonSteps() {
    }
}
