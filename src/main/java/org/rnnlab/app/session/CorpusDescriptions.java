package org.rnnlab.app.session;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnnlab.app.i18n.I18n;

/**
 * A corpus's description ("speeches.csv (CSV, column body)") in the current language. The reader
 * words it in English, as the command line shows it; the window words it again (the file name and
 * the column stay as they are).
 */
public final class CorpusDescriptions {
    private static final Pattern CSV = Pattern.compile("(.+) \\(CSV, column (.+)\\)");
    private static final Pattern TEXT = Pattern.compile("(.+) \\(text, paragraphs\\)");
    private static final Pattern FOLDER = Pattern.compile("(.+)/ \\(folder, (\\d+) \\.txt files?\\)");

    private CorpusDescriptions() {
    }

    public static String display(String description) {
        if (description == null) {
            return "";
        }
        Matcher m;
        if ((m = CSV.matcher(description)).matches()) {
            return I18n.text("app.corpus.describe.csv", m.group(1), m.group(2));
        }
        if ((m = TEXT.matcher(description)).matches()) {
            return I18n.text("app.corpus.describe.text", m.group(1));
        }
        if ((m = FOLDER.matcher(description)).matches()) {
            return I18n.text("app.corpus.describe.folder", m.group(1), Integer.parseInt(m.group(2)));
        }
        return description;
    }
}
