package org.haven.gui.reports;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.reports.OrganisationSettings;

/**
 * Administrators set whose documents Haven prints: the organisation's name, address and logo
 * (the same settings as `haven settings set`). Reading and saving run in background tasks.
 */
public final class OrganisationDialog {
    private final OrganisationSettings settings;
    private final Stage stage = new Stage();
    private final TextField name = new TextField();
    private final TextField address = new TextField();
    private final Label logo = new Label();
    private final Label status = new Label();
    private final Button save = new Button(I18n.t("org.save"));
    /** The logo file chosen in this dialog; null: unchanged. */
    private Path chosenLogo;
    private boolean removeLogo;

    private OrganisationDialog(Window owner, OrganisationSettings settings) {
        this.settings = settings;
        name.setId("org-name");
        address.setId("org-address");
        logo.setId("org-logo");
        status.setId("org-status");
        save.setId("org-save");
        Button choose = new Button(I18n.t("org.chooseLogo"));
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(I18n.t("org.chooseLogo"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("org.images"), "*.png", "*.jpg", "*.jpeg"));
            File f = chooser.showOpenDialog(stage);
            if (f != null) chooseLogo(f.toPath());
        });
        Button remove = new Button(I18n.t("org.removeLogo"));
        remove.setOnAction(e -> {
            chosenLogo = null;
            removeLogo = true;
            logo.setText(I18n.t("org.noLogo"));
        });
        Button cancel = new Button(I18n.t("org.cancel"));
        cancel.setOnAction(e -> stage.close());
        save.setDefaultButton(true);
        save.setOnAction(e -> save());

        GridPane grid = new GridPane(10, 10);
        grid.setPadding(new Insets(16));
        grid.addRow(0, new Label(I18n.t("org.name")), name);
        grid.addRow(1, new Label(I18n.t("org.address")), address);
        HBox logoRow = new HBox(8, logo, choose, remove);
        logoRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        grid.addRow(2, new Label(I18n.t("org.logo")), logoRow);
        grid.add(status, 0, 3, 2, 1);
        grid.add(new HBox(8, save, cancel), 1, 4);
        name.setPrefColumnCount(32);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(I18n.t("org.title"));
        stage.setScene(new Scene(grid));
        save.setDisable(true);
        FxTasks.run(() -> new Current(settings.list()), current -> {
            name.setText(current.values().get(OrganisationSettings.NAME));
            address.setText(current.values().get(OrganisationSettings.ADDRESS));
            String l = current.values().get(OrganisationSettings.LOGO);
            logo.setText(l.isBlank() ? I18n.t("org.noLogo") : l);
            save.setDisable(false);
        });
    }

    private record Current(java.util.Map<String, String> values) {}

    public static OrganisationDialog show(Window owner, OrganisationSettings settings) {
        OrganisationDialog d = new OrganisationDialog(owner, settings);
        d.stage.show();
        return d;
    }

    /** Takes a logo file (checked now, so a wrong file is said at once; stored on Save). */
    void chooseLogo(Path file) {
        FxTasks.run(() -> OrganisationSettings.readLogo(file), l -> {
            chosenLogo = file;
            removeLogo = false;
            logo.setText(l.describe());
        }, error -> status.setText(FxTasks.userMessage(error)));
    }

    void save() {
        String n = name.getText();
        String a = address.getText();
        Path l = chosenLogo;
        boolean remove = removeLogo;
        save.setDisable(true);
        FxTasks.run(() -> {
            settings.set(OrganisationSettings.NAME, n);
            settings.set(OrganisationSettings.ADDRESS, a);
            if (l != null || remove) settings.setLogo(l);
            return true;
        }, ok -> stage.close(), error -> {
            save.setDisable(false);
            status.setText(FxTasks.userMessage(error));
        });
    }

    Stage stage() {
        return stage;
    }
}
