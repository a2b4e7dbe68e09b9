package org.haven.gui.cases;

import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseDetails;
import org.haven.core.cases.MethodOfControl;
import org.haven.core.cases.RecruiterRelation;
import org.haven.core.cases.TraffickingDetails;
import org.haven.core.people.Countries;

/**
 * The "Trafficking details" tab of the case view: the HTCDS/CTDC fields a researcher expects that
 * screening does not give (country of exploitation, recruiter's relation, methods of control). They
 * go into the anonymized and the identified exports.
 */
public final class TraffickingSection implements CaseSection {
    @Override
    public String titleKey() {
        return "htcds.tab";
    }

    @Override
    public Node build(CaseWindow window, CaseDetails details, Runnable reload) {
        return new Form(window, details.caseFile().id()).root;
    }

    public static void install(CaseWindow window) {
        window.addCaseSection(new TraffickingSection());
    }

    private static final class Form {
        private final CaseWindow window;
        private final UUID caseId;
        private final BorderPane root = new BorderPane();
        private final TextField country = new TextField();
        private final Map<RecruiterRelation, CheckBox> relations = new EnumMap<>(RecruiterRelation.class);
        private final Map<MethodOfControl, CheckBox> controls = new EnumMap<>(MethodOfControl.class);
        private final Button save = new Button(I18n.t("htcds.save"));
        private final Label status = new Label();

        Form(CaseWindow window, UUID caseId) {
            this.window = window;
            this.caseId = caseId;
            root.setId("htcdsForm");
            Label intro = new Label(I18n.t("htcds.intro"));
            intro.setWrapText(true);
            intro.getStyleClass().add(Styles.TEXT_MUTED);
            country.setId("htcdsCountry");
            country.setPromptText(I18n.t("htcds.country.prompt"));
            country.setMaxWidth(360);
            TextFields.bindAutoCompletion(country, new LinkedHashSet<>(Countries.all().values()));
            FlowPane relationBoxes = boxes(RecruiterRelation.values(), relations, "htcdsRelation-");
            FlowPane controlBoxes = boxes(MethodOfControl.values(), controls, "htcdsControl-");
            Label hint = new Label(I18n.t("htcds.control.hint"));
            hint.setWrapText(true);
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            VBox content = new VBox(16, intro,
                    section("htcds.country", country),
                    section("htcds.recruiter", relationBoxes),
                    section("htcds.control", new VBox(8, hint, controlBoxes)));
            content.setPadding(new Insets(16));
            ScrollPane scroll = new ScrollPane(content);
            scroll.setFitToWidth(true);
            root.setCenter(scroll);
            save.setId("htcdsSave");
            save.getStyleClass().add(Styles.ACCENT);
            save.setOnAction(e -> save());
            status.setId("htcdsStatus");
            HBox bar = new HBox(12, save, status);
            bar.setAlignment(Pos.CENTER_LEFT);
            bar.setPadding(new Insets(8, 16, 8, 16));
            root.setBottom(bar);
            save.setDisable(true);
            FxTasks.run(() -> window.haven().cases().traffickingDetails(caseId), this::show);
        }

        private static <E extends Enum<E>> FlowPane boxes(E[] values, Map<E, CheckBox> into, String idPrefix) {
            FlowPane pane = new FlowPane(16, 8);
            for (E v : values) {
                CheckBox box = new CheckBox(I18n.label(v));
                box.setId(idPrefix + v.name());
                into.put(v, box);
                pane.getChildren().add(box);
            }
            return pane;
        }

        private static VBox section(String titleKey, Node body) {
            Label title = new Label(I18n.t(titleKey));
            title.getStyleClass().add(Styles.TITLE_4);
            return new VBox(8, title, body);
        }

        private void show(TraffickingDetails d) {
            country.setText(d.countryOfExploitation() == null ? "" : Countries.name(d.countryOfExploitation()));
            relations.forEach((r, box) -> box.setSelected(d.recruiterRelations().contains(r)));
            controls.forEach((m, box) -> box.setSelected(d.methodsOfControl().contains(m)));
            save.setDisable(false);
        }

        private void save() {
            String text = country.getText() == null ? "" : country.getText().strip();
            String code = null;
            if (!text.isEmpty()) {
                code = Countries.toCode(text).orElse(null);
                if (code == null) {
                    status.setText(I18n.t("htcds.country.unknown"));
                    status.getStyleClass().setAll("label", Styles.DANGER);
                    return;
                }
            }
            Set<RecruiterRelation> r = EnumSet.noneOf(RecruiterRelation.class);
            relations.forEach((v, box) -> {
                if (box.isSelected()) r.add(v);
            });
            Set<MethodOfControl> m = EnumSet.noneOf(MethodOfControl.class);
            controls.forEach((v, box) -> {
                if (box.isSelected()) m.add(v);
            });
            TraffickingDetails changed = new TraffickingDetails(caseId, code, r, m);
            save.setDisable(true);
            status.setText("");
            FxTasks.run(() -> window.haven().cases().saveTraffickingDetails(changed), saved -> {
                show(saved);
                status.setText(I18n.t("htcds.saved"));
                status.getStyleClass().setAll("label", Styles.SUCCESS);
            }, error -> {
                save.setDisable(false);
                org.haven.gui.toolkit.ErrorDialog.show(error);
            });
        }
    }
}
