package org.rnnlab.app;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.i18n.Language;
import org.rnnlab.app.i18n.LanguagePreference;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.LessonSteps;
import org.rnnlab.app.steps.StepPage;
import org.rnnlab.app.support.AppMemory;
import org.rnnlab.app.support.ImageFiles;
import org.rnnlab.app.support.Theme;
import org.rnnlab.app.widgets.RecentMenus;
import org.rnnlab.common.CjkFonts;
import org.rnnlab.common.SampleFiles;

/**
 * The window: the lesson's steps in a list on the left, the chosen step in the middle, and a
 * status bar saying what the engine is doing, with a cancel button for long work.
 */
public final class MainWindow {
    /**
     * Below this window width, in ems of the current text size, the step list keeps only the
     * numbers and icons: at 1280 px that is from 16 px text up, and the page gets the room.
     */
    static final double COMPACT_BELOW_EM = 84;

    private final LessonSession session;
    private final BorderPane root = new BorderPane();
    /** Tells the page scroll the height the page needs at its width (it scrolls when that is more than the window has). */
    private final StackPane content = new StepPage.WidthAwarePane();
    /** The step's page scrolls, as a whole, only when it cannot shrink to the window (large text, small screen). */
    private final ScrollPane pageScroll = new ScrollPane(content);
    /** True when the window is narrow for its text size: the step list shows numbers and icons only. */
    private final BooleanProperty compactNavigation = new SimpleBooleanProperty(this, "compactNavigation");
    private final ListView<LessonSteps.Entry> stepList = new ListView<>();
    private final Map<LessonSteps.Entry, LessonStep> built = new HashMap<>();
    private LessonStep current; // the step on screen
    private final javafx.beans.InvalidationListener refreshTitles = o -> stepList.refresh();

    public MainWindow(LessonSession session) {
        this.session = session;
        root.setId("mainWindow");
        root.setTop(toolbar());
        root.setLeft(navigation());
        content.setId("stepContent");
        pageScroll.setId("stepScroll");
        pageScroll.setFitToWidth(true);
        pageScroll.setFitToHeight(true);
        pageScroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        org.rnnlab.app.widgets.Scrollers.uncached(pageScroll); // a cached page is painted whole at every change
        root.setCenter(pageScroll);
        compactNavigation.bind(root.widthProperty().lessThan(Theme.fontSizeProperty().multiply(COMPACT_BELOW_EM)));
        compactNavigation.addListener((obs, was, now) -> stepList.refresh());
        // the step titles follow the language; the page shown, the corpus, the model and a running training stay
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(refreshTitles));
        root.setBottom(statusBar());
        Theme.bindFontSize(root);
        enableFileDrop();
        session.notices().setOwner(root);
        session.corpus().setColumnChooser(this::chooseColumn);
        stepList.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> show(entry));
        stepList.getSelectionModel().select(0);
    }

    public BorderPane root() {
        return root;
    }

    /**
     * Remembers the learner's choices in {@code memory} (the step, the theme, the text size, each corpus
     * opened) and offers its recent corpora in the Corpus menu. The app calls it; tests leave it out.
     */
    public void remember(AppMemory memory) {
        stepList.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (entry != null) {
                memory.setLastStep(entry.id());
            }
        });
        Theme.darkProperty().addListener((obs, old, dark) -> memory.setDark(dark));
        Theme.fontSizeProperty().addListener((obs, old, size) -> memory.setFontSize(size.doubleValue()));
        session.corpus().corpusProperty().addListener((obs, old, c) -> {
            if (c != null && c.path() != null) {
                memory.addRecentCorpus(c.path(), session.corpus().column());
            }
        });
        session.files().lastFileProperty().addListener((obs, old, file) -> {
            if (file != null) {
                memory.addRecentModel(file);
            }
        });
        javafx.scene.control.Menu recent = RecentMenus.corpora(memory, (path, column) -> session.corpus().open(path, column));
        openMenu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        openMenu.getItems().add(recent);
        openMenu.setOnShowing(e -> RecentMenus.refill(recent));
    }

    /** A picture of the step as it is now (twice its size, for print and slides), saved where the learner chooses. */
    void saveStepPicture() {
        javafx.scene.Node content = root.lookup("#stepContent");
        LessonSteps.Entry entry = stepList.getSelectionModel().getSelectedItem();
        if (content == null || entry == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text("app.picture.title"));
        chooser.setInitialFileName(entry.id().replace("Step", "") + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            savePicture(content, f.toPath());
        }
    }

    /** Takes the picture now (FX thread) and writes it in the background. */
    void savePicture(javafx.scene.Node content, java.nio.file.Path file) {
        javafx.scene.image.WritableImage image = org.rnnlab.app.support.Formula.drawnForPicture(2,
                () -> ImageFiles.snapshot(content, 2));
        session.work().submit(I18n.text("app.picture.work"), job -> {
            ImageFiles.writePng(file, image);
            return file;
        }, saved -> session.notices().info(I18n.text("app.picture.savedTitle"), I18n.text("app.picture.saved", saved)),
                error -> session.notices().failure(I18n.text("app.picture.failed"), error));
    }

    /** The window's keyboard shortcuts (see {@link Shortcuts}); the app calls it once the scene is set. */
    public void installShortcuts() {
        Shortcuts.install(root.getScene(), this::chooseCorpusFile, this::saveStepPicture, this::moveStep);
    }

    /** Shows the step {@code by} steps on (-1: the one before); none past the first or the last. */
    void moveStep(int by) {
        int i = stepList.getSelectionModel().getSelectedIndex() + by;
        if (i >= 0 && i < stepList.getItems().size()) {
            stepList.getSelectionModel().select(i);
        }
    }

    /** Shows the step with this node id (used by the navigation list and by tests). */
    public void select(String stepId) {
        LessonSteps.ALL.stream().filter(e -> e.id().equals(stepId)).findFirst()
                .ifPresent(e -> stepList.getSelectionModel().select(e));
    }

    /** A CSV file without a "body" column: which of its columns holds the text? */
    private String chooseColumn(String file, java.util.List<String> columns) {
        javafx.scene.control.ChoiceDialog<String> ask = new javafx.scene.control.ChoiceDialog<>(columns.get(0), columns);
        ask.setTitle(I18n.text("app.column.title"));
        ask.setHeaderText(I18n.text("app.column.header", file));
        ask.setContentText(I18n.text("app.column.content"));
        if (root.getScene() != null) {
            ask.initOwner(root.getScene().getWindow());
        }
        return ask.showAndWait().orElse(null);
    }

    /** True while the step list shows numbers and icons only (a narrow window or large text). */
    public javafx.beans.property.ReadOnlyBooleanProperty compactNavigationProperty() {
        return compactNavigation;
    }

    /** What the steps share (tests look inside). */
    public LessonSession session() {
        return session;
    }

    public void dispose() {
        built.values().forEach(LessonStep::dispose);
        session.dispose();
        // off the theme's text size, which outlives the window: bound, a closed window was restyled at every change
        root.styleProperty().unbind();
        compactNavigation.unbind();
    }

    private void show(LessonSteps.Entry entry) {
        if (entry == null) {
            return;
        }
        LessonStep step = built.computeIfAbsent(entry, e -> e.factory().apply(session));
        if (current != null && current != step) {
            current.onHidden();
        }
        current = step;
        content.getChildren().setAll(step.getPanel());
        session.training().followModel(step.follower() != null); // copies of a run's parameters while it shows them
        step.onShown();
    }

    private Node navigation() {
        stepList.setId("stepList");
        stepList.getItems().setAll(LessonSteps.ALL);
        stepList.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        stepList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LessonSteps.Entry item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    setId(null);
                    setTooltip(null);
                    setAccessibleText(null);
                } else {
                    int number = LessonSteps.ALL.indexOf(item) + 1;
                    boolean compact = compactNavigation.get();
                    setText(compact ? Integer.toString(number) : number + ". " + item.title());
                    setGraphic(new FontIcon(item.icon()));
                    setId("nav-" + item.id());
                    setTooltip(compact ? new Tooltip(number + ". " + item.title()) : null);
                    setAccessibleText(number + ". " + item.title()); // the compact list shows only the number
                }
            }
        });
        // Wide enough for "10. Generate and predict" (or its Chinese) at any font size, or for "10" and its icon.
        stepList.prefWidthProperty().bind(Bindings.when(compactNavigation)
                .then(Theme.fontSizeProperty().multiply(4.2)).otherwise(Theme.fontSizeProperty().multiply(16.5)));
        stepList.minWidthProperty().bind(stepList.prefWidthProperty());
        stepList.maxWidthProperty().bind(stepList.prefWidthProperty());
        return stepList;
    }

    private Node toolbar() {
        MenuButton open = new MenuButton(null, new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.textProperty().bind(I18n.bind("app.toolbar.corpus"));
        open.setId("openCorpusMenu");
        MenuItem file = new MenuItem();
        file.textProperty().bind(I18n.bind("app.toolbar.openFile"));
        file.setId("openCorpusFile");
        file.setOnAction(e -> chooseCorpusFile());
        MenuItem folder = new MenuItem();
        folder.textProperty().bind(I18n.bind("app.toolbar.openFolder"));
        folder.setId("openCorpusFolder");
        folder.setOnAction(e -> chooseCorpusFolder());
        MenuItem sample = new MenuItem();
        sample.textProperty().bind(I18n.bind("app.toolbar.sample"));
        sample.setId("openSampleCorpus");
        sample.setOnAction(e -> openSample());
        open.getItems().addAll(file, folder, sample);
        openMenu = open;

        Button smaller = iconButton(MaterialDesignF.FORMAT_FONT_SIZE_DECREASE, I18n.key("app.toolbar.smaller"), () -> Theme.changeFontSize(-Theme.FONT_STEP));
        smaller.setId("fontSmaller");
        Button larger = iconButton(MaterialDesignF.FORMAT_FONT_SIZE_INCREASE, I18n.key("app.toolbar.larger"), () -> Theme.changeFontSize(Theme.FONT_STEP));
        larger.setId("fontLarger");
        Button reset = new Button(null, new FontIcon(MaterialDesignB.BOOK_OPEN_PAGE_VARIANT_OUTLINE));
        reset.textProperty().bind(I18n.bind("app.toolbar.reset"));
        Tooltip resetTip = new Tooltip();
        resetTip.textProperty().bind(I18n.bind("app.toolbar.reset.tip"));
        reset.setTooltip(resetTip);
        reset.setOnAction(e -> session.resetToLesson());
        reset.setId("resetToLesson");
        Button dark = iconButton(MaterialDesignT.THEME_LIGHT_DARK, I18n.key("app.toolbar.theme"), Theme::toggleDark);
        dark.setId("themeToggle");

        Label title = new Label("RNN Lab");
        title.getStyleClass().add(Styles.TITLE_4);
        title.setGraphic(new FontIcon(MaterialDesignM.MOLECULE));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Button picture = iconButton(MaterialDesignC.CAMERA_OUTLINE, I18n.key("app.toolbar.picture"), this::saveStepPicture);
        picture.setId("saveStepPicture");
        return new ToolBar(title, new Separator(), open, reset, spring, LanguageMenu.create(this::languageChosen), picture,
                smaller, larger, dark);
    }

    private Node statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        bar.textProperty().bind(session.work().messageProperty());
        bar.progressProperty().bind(Bindings.when(session.work().busyProperty())
                .then(session.work().progressProperty()).otherwise(0.0));

        Button cancel = new Button(null, new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.textProperty().bind(I18n.bind("app.status.cancel"));
        cancel.setId("cancelWork");
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        // shown only while work runs, but always in the layout: a bar that grew by the button's height
        // when work started resized the step page above it (laid out anew, the window repainted whole)
        cancel.visibleProperty().bind(session.work().busyProperty());
        cancel.setOnAction(e -> session.work().cancelCurrent());

        Label corpus = new Label();
        corpus.setId("corpusLabel");
        corpus.textProperty().bind(Bindings.createStringBinding(() -> {
            Path p = session.corpus().fileProperty().get();
            return p == null ? I18n.text("app.status.noCorpus") : I18n.text("app.status.corpus", p.getFileName());
        }, session.corpus().fileProperty(), I18n.languageProperty()));
        corpus.setGraphic(new FontIcon(MaterialDesignT.TEXT_BOX_OUTLINE));

        Label engine = new Label();
        engine.setId("engineLabel");
        engine.textProperty().bind(session.engineStatusProperty());
        engine.setGraphic(new FontIcon(MaterialDesignC.CHIP));

        // the corpus and the engine stay whole; a long message of the background work gives way ("...")
        // and shows whole in the bar's tooltip (at the larger text sizes it can be longer than the room left)
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        corpus.setMinWidth(Region.USE_PREF_SIZE);
        engine.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip message = new Tooltip();
        message.textProperty().bind(session.work().messageProperty());
        bar.setTooltip(message);
        bar.getRightItems().addAll(cancel, new Separator(javafx.geometry.Orientation.VERTICAL), corpus,
                new Separator(javafx.geometry.Orientation.VERTICAL), engine);
        bar.setPadding(new Insets(2, 8, 2, 8));
        return bar;
    }

    private MenuButton openMenu;

    private Button iconButton(org.kordamp.ikonli.Ikon icon, String tipKey, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.bind(tipKey));
        b.setTooltip(tip);
        b.accessibleTextProperty().bind(tip.textProperty()); // what a screen reader says of an icon
        b.setOnAction(e -> action.run());
        return b;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void chooseCorpusFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text("app.open.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(I18n.text("app.open.corpusFiles"), "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter(I18n.text("app.open.allFiles"), "*.*"));
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            session.corpus().open(f.toPath());
        }
    }

    private void chooseCorpusFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(I18n.text("app.open.folderTitle"));
        File f = chooser.showDialog(window());
        if (f != null) {
            session.corpus().open(f.toPath());
        }
    }

    private void openSample() {
        try {
            session.corpus().open(SampleFiles.corpus());
        } catch (RuntimeException e) {
            session.notices().failure(I18n.text("app.notice.sample"), e);
        }
    }

    /** The learner picked a language: the window redraws in place, the choice is kept for the next launch. */
    private void languageChosen(Language language) {
        I18n.setLanguage(language);
        LanguagePreference.remember(language);
        warnIfNoChineseFont(session.notices());
    }

    private static boolean fontWarned;

    /** Chinese without a font that draws it would be boxes: say so once, in English, which any font draws. */
    static void warnIfNoChineseFont(org.rnnlab.app.support.Notifier notices) {
        if (I18n.language() == Language.SIMPLIFIED_CHINESE && !fontWarned && !CjkFonts.available()) {
            fontWarned = true;
            notices.warn(I18n.text(Language.ENGLISH, "app.font.missing.title"), I18n.text(Language.ENGLISH, "app.font.missing"));
        }
    }

    private void enableFileDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                session.corpus().open(files.get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
