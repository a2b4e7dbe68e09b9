package org.haven.gui.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.haven.core.Haven;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.matching.MatchService.PersonSummary;
import org.haven.core.people.Person;

/**
 * Merging two records of one person (coordinators): the two side by side, the user picks the one
 * to keep. The result is the id of the record to keep. {@link #merge} and {@link #findAndMerge}
 * run the whole flow with the database work in the background.
 */
public final class MergePersonsDialog extends Dialog<UUID> {
    public MergePersonsDialog(Window owner, PersonSummary first, PersonSummary second) {
        org.haven.gui.toolkit.Dialogs.prepare(this, owner);
        initModality(Modality.WINDOW_MODAL);
        setTitle(I18n.t("match.merge.title"));
        setHeaderText(I18n.t("match.merge.header"));
        ToggleGroup keep = new ToggleGroup();
        VBox a = side(first, keep, "keepFirst");
        VBox b = side(second, keep, "keepSecond");
        HBox.setHgrow(a, Priority.ALWAYS);
        HBox.setHgrow(b, Priority.ALWAYS);
        HBox content = new HBox(24, a, b);
        content.setPadding(new Insets(8));
        getDialogPane().setContent(content);
        // The record with more cases is usually the one to keep.
        keep.selectToggle(keep.getToggles().get(second.caseNumbers().size() > first.caseNumbers().size() ? 1 : 0));
        ButtonType merge = new ButtonType(I18n.t("match.merge.confirm"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(merge, ButtonType.CANCEL);
        getDialogPane().lookupButton(merge).setId("mergeConfirm");
        setResultConverter(button -> button == merge ? (UUID) keep.getSelectedToggle().getUserData() : null);
    }

    private static VBox side(PersonSummary s, ToggleGroup group, String id) {
        Person p = s.person();
        RadioButton choose = new RadioButton(I18n.t("match.merge.keep"));
        choose.setId(id);
        choose.setToggleGroup(group);
        choose.setUserData(p.id());
        List<Label> lines = new ArrayList<>();
        Label name = new Label(p.nameLatin());
        name.setStyle("-fx-font-weight: bold; -fx-font-size: 1.2em;");
        lines.add(name);
        if (p.nameNative() != null) lines.add(new org.haven.gui.toolkit.WrappingLabel(p.nameNative()));
        if (p.aliases() != null) lines.add(new org.haven.gui.toolkit.WrappingLabel(I18n.t("match.merge.aliases", p.aliases())));
        if (p.birthDate() != null) lines.add(new org.haven.gui.toolkit.WrappingLabel(I18n.t("match.merge.born", p.birthDate().toString())));
        else if (p.estimatedAge() != null) lines.add(new org.haven.gui.toolkit.WrappingLabel(I18n.t("match.merge.age", p.estimatedAge())));
        if (p.nationality() != null) lines.add(new org.haven.gui.toolkit.WrappingLabel(I18n.t("match.merge.nationality", I18n.country(p.nationality()))));
        lines.add(new org.haven.gui.toolkit.WrappingLabel(I18n.t("match.merge.document", I18n.label(p.documentStatus()))));
        lines.add(new org.haven.gui.toolkit.WrappingLabel(I18n.t("match.merge.cases", String.join(", ", s.caseNumbers()))));
        for (Label l : lines) {
            l.setWrapText(true);
            l.setMaxWidth(340);
        }
        VBox box = new VBox(6);
        box.setPrefWidth(360);
        box.getChildren().add(choose);
        box.getChildren().addAll(lines);
        box.setPadding(new Insets(8));
        box.setStyle("-fx-border-color: -color-border-default, #d0d7de; -fx-border-radius: 6;");
        return box;
    }

    /** Loads both records, asks which to keep, merges; {@code onMerged} gets the kept person. */
    public static void merge(Window owner, Haven haven, UUID first, UUID second, Consumer<Person> onMerged) {
        FxTasks.run(() -> List.of(haven.matching().summary(first), haven.matching().summary(second)), both -> {
            MergePersonsDialog dialog = new MergePersonsDialog(owner, both.get(0), both.get(1));
            dialog.setOnHidden(e -> {
                UUID keep = dialog.getResult();
                if (keep == null) return;
                UUID other = keep.equals(first) ? second : first;
                FxTasks.run(() -> haven.matching().merge(keep, other), onMerged);
            });
            dialog.show();
        });
    }

    /**
     * From a person already saved (e.g. a case view's "Find duplicates"): shows their likely
     * duplicates; "Merge with this person…" goes on to {@link #merge}, "Not the same person" records it.
     */
    public static void findAndMerge(Window owner, Haven haven, UUID personId, Consumer<Person> onMerged) {
        FxTasks.run(() -> {
            Person p = haven.matching().summary(personId).person();
            return haven.matching().findFor(p, DuplicateCheck.SHOWN);
        }, candidates -> {
            DuplicateCandidatesDialog dialog = new DuplicateCandidatesDialog(owner, candidates, DuplicateCandidatesDialog.Mode.MERGE);
            dialog.setOnHidden(e -> {
                DuplicateCandidatesDialog.Decision d = dialog.getResult();
                if (d == null || d.personId() == null) return;
                if (d.choice() == DuplicateCandidatesDialog.Choice.MERGE) {
                    merge(owner, haven, personId, d.personId(), onMerged);
                } else if (d.choice() == DuplicateCandidatesDialog.Choice.NOT_SAME) {
                    FxTasks.run(() -> {
                        haven.matching().markDistinct(personId, d.personId());
                        return null;
                    }, ignored -> { });
                }
            });
            dialog.show();
        });
    }
}
