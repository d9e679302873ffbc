package org.rnnlab.app;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.i18n.Language;

/** The toolbar's language switch: each language by its own name, the current one ticked. */
final class LanguageMenu {
    private LanguageMenu() {
    }

    static MenuButton create(Consumer<Language> chosen) {
        MenuButton menu = new MenuButton(null, new FontIcon(MaterialDesignT.TRANSLATE));
        menu.setId("languageMenu");
        menu.getStyleClass().add(Styles.FLAT);
        menu.textProperty().bind(Bindings.createStringBinding(() -> I18n.language().nativeName(), I18n.languageProperty()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.bind("app.toolbar.language"));
        menu.setTooltip(tip);
        ToggleGroup group = new ToggleGroup();
        for (Language language : Language.values()) {
            RadioMenuItem item = new RadioMenuItem(language.nativeName());
            item.setId("language-" + language.locale().getLanguage());
            item.setToggleGroup(group);
            item.setSelected(language == I18n.language());
            item.setOnAction(e -> chosen.accept(language));
            menu.getItems().add(item);
        }
        javafx.beans.InvalidationListener tick = o -> group.getToggles().forEach(t -> t.setSelected(
                ((RadioMenuItem) t).getId().equals("language-" + I18n.language().locale().getLanguage())));
        // the menu keeps its listener; the weak wrapper lets a closed window be collected
        menu.getProperties().put("rnnlab.languageTick", tick);
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(tick));
        return menu;
    }
}
