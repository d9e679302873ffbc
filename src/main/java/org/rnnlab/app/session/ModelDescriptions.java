package org.rnnlab.app.session;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnnlab.app.i18n.I18n;

/**
 * A model's description in the current language. The description itself stays as it is kept
 * (English, as a saved model file and the command line have it); the ones the app writes are
 * worded again for the window, any other (a file's own) is shown as it is.
 */
public final class ModelDescriptions {
    private static final Pattern RANDOM = Pattern.compile("random weights \\(seed (-?\\d+)\\)");
    private static final Pattern TRAINED = Pattern.compile("trained in the app: ([\\d,]+) examples seen( \\(stopped\\))?");
    private static final Pattern IN_TRAINING = Pattern.compile("in training, ([\\d,]+) examples seen so far");
    private static final Pattern LESSON = Pattern.compile("the lesson's pre-trained model \\((.+)\\)");

    private ModelDescriptions() {
    }

    public static String display(String description) {
        if (description == null) {
            return "";
        }
        Matcher m;
        if ((m = RANDOM.matcher(description)).matches()) {
            return I18n.text("app.model.random", m.group(1));
        }
        if ((m = TRAINED.matcher(description)).matches()) {
            return m.group(2) == null ? I18n.text("app.model.trained", m.group(1)) : I18n.text("app.model.trainedStopped", m.group(1));
        }
        if ((m = IN_TRAINING.matcher(description)).matches()) {
            return I18n.text("app.model.inTraining", m.group(1));
        }
        if ((m = LESSON.matcher(description)).matches()) {
            return I18n.text("app.model.lesson", m.group(1));
        }
        return switch (description) {
            case ModelFiles.SAMPLE_DESCRIPTION -> I18n.text("app.model.shipped");
            case "the last good parameters before the training diverged" -> I18n.text("app.model.lastGood");
            case "no model yet" -> I18n.text("app.model.none");
            default -> description;
        };
    }
}
