package org.haven.gui.shell;

import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;

import org.haven.core.common.Languages;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.haven.core.Haven;
import org.haven.core.security.Accounts;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The first screen: the setup of a new database or the login, with the language picker above it.
 * Choosing a language takes effect at once (the screen is rebuilt in it) and is remembered in the
 * data folder's preferences, so the main window opens in it too.
 */
public final class StartScreen {
    private final Path home;
    private final Consumer<Haven> onOpened;
    private final BorderPane root = new BorderPane();

    public StartScreen(Path home, Consumer<Haven> onOpened) {
        this.home = home;
        this.onOpened = onOpened;
        root.getStyleClass().add("login-page");
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        // On the office database (HAVEN_DB_URL, or the one chosen on this screen before) the accounts
        // are on the server: the login screen.
        org.haven.core.db.OfficeConnection office = org.haven.core.db.OfficeConnection.fromEnvironment(null);
        if (office == null) office = OfficeChoice.load(home);
        Parent view;
        if (office != null) view = new LoginView(home, office, onOpened).root();
        else if (Accounts.isInitialized(home)) view = new LoginView(home, null, onOpened).root();
        else view = new SetupView(home, onOpened, this::showOfficeConnect).root();
        root.setCenter(view);
        root.setTop(languageBar());
    }

    /** The first-run choice "Connect to an office database"; once connected, the office's login. */
    private void showOfficeConnect() {
        root.setCenter(new OfficeConnectView(home, this::build,
                office -> root.setCenter(new LoginView(home, office, onOpened).root())).root());
    }

    private HBox languageBar() {
        ComboBox<Locale> picker = picker();
        Label label = new Label(I18n.t("language.label"), new FontIcon("mdi2t-translate"));
        label.setLabelFor(picker);
        HBox bar = new HBox(8, label, picker);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(12, 16, 0, 16));
        picker.valueProperty().addListener((o, old, chosen) -> {
            if (chosen == null || chosen.equals(I18n.locale())) return;
            I18n.setLocale(chosen);
            build();
            // A small file, but still disk work: off the FX thread.
            FxTasks.run(() -> {
                Languages.save(home, chosen);
                return chosen;
            }, saved -> { }, error -> { });
        });
        return bar;
    }

    /** A language list showing each language in its own script. */
    static ComboBox<Locale> picker() {
        ComboBox<Locale> picker = new ComboBox<>();
        picker.setId("languagePicker");
        picker.getItems().setAll(Languages.SUPPORTED);
        picker.setCellFactory(v -> new LocaleCell());
        picker.setButtonCell(new LocaleCell());
        picker.setValue(Languages.SUPPORTED.stream().filter(l -> l.getLanguage().equals(I18n.locale().getLanguage()))
                .findFirst().orElse(Locale.ENGLISH));
        return picker;
    }

    private static final class LocaleCell extends ListCell<Locale> {
        @Override
        protected void updateItem(Locale item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Languages.nativeName(item));
        }
    }
}
