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
import org.rnnlab.app.i18n.I18n;
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

    /**
     * One entry of the navigation list. {@code id} is the node id of the step's page; {@code titleKey}
     * the bundle key of its title, which {@link #title()} gives in the current language.
     */
    public record Entry(String id, String titleKey, Ikon icon, Function<LessonSession, LessonStep> factory) {
        /** The step's title in the current language. */
        public String title() {
            return I18n.text(titleKey);
        }

        @Override
        public String toString() {
            return title();
        }
    }

    public static final List<Entry> ALL = List.of(
            new Entry("languageModelStep", I18n.key("app.nav.languageModel"), MaterialDesignM.MESSAGE_TEXT_OUTLINE, LanguageModelView::new),
            new Entry("corpusStep", I18n.key("app.nav.corpus"), MaterialDesignT.TEXT_BOX_OUTLINE, CorpusView::new),
            new Entry("vocabularyStep", I18n.key("app.nav.vocabulary"), MaterialDesignF.FORMAT_LIST_NUMBERED, VocabularyView::new),
            new Entry("trainingDataStep", I18n.key("app.nav.trainingData"), MaterialDesignA.ARROW_RIGHT_BOLD_BOX_OUTLINE, TrainingDataView::new),
            new Entry("dimensionsStep", I18n.key("app.nav.dimensions"), MaterialDesignM.MATRIX, DimensionsView::new),
            new Entry("forwardStep", I18n.key("app.nav.forward"), MaterialDesignS.SKIP_NEXT_OUTLINE, ForwardView::new),
            new Entry("lossStep", I18n.key("app.nav.loss"), MaterialDesignC.CHART_BELL_CURVE, LossView::new),
            new Entry("bpttStep", I18n.key("bptt.step.nav"), MaterialDesignS.SOURCE_BRANCH, BpttView::new),
            new Entry("gradientCheckStep", I18n.key("app.nav.gradientCheck"), MaterialDesignC.CHECK_DECAGRAM, GradientCheckView::new),
            new Entry("trainingStep", I18n.key("app.nav.training"), MaterialDesignC.CHART_LINE, TrainingView::new),
            new Entry("generateStep", I18n.key("app.nav.generate"), MaterialDesignT.TEXT_RECOGNITION, GenerateView::new));

    private LessonSteps() {
    }
}
