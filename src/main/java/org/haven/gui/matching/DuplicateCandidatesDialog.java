package org.haven.gui.matching;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.haven.gui.toolkit.I18n;
import org.haven.core.matching.MatchCandidate;
import org.haven.core.matching.MatchReason;

/**
 * Shows likely duplicates with their score and reasons and lets the user decide. In
 * {@link Mode#REGISTER} (before saving a new registration): "Link to this person" or "This is
 * someone else". In {@link Mode#MERGE} (an existing person, coordinators): "Merge with this
 * person…" or "Not the same person". The result is a {@link Decision}; the dialog itself does no
 * database work (see {@link DuplicateCheck} and {@link MergePersonsDialog} for the flows).
 */
public final class DuplicateCandidatesDialog extends Dialog<DuplicateCandidatesDialog.Decision> {
    public enum Mode { REGISTER, MERGE }

    /** What the user chose. {@code personId} is the selected candidate (null for SOMEONE_ELSE on all). */
    public record Decision(Choice choice, UUID personId) {}

    public enum Choice { LINK, SOMEONE_ELSE, MERGE, NOT_SAME, CANCEL }

    private final TableView<MatchCandidate> table = new TableView<>();

    public DuplicateCandidatesDialog(Window owner, List<MatchCandidate> candidates, Mode mode) {
        org.haven.gui.toolkit.Dialogs.prepare(this, owner);
        initModality(Modality.WINDOW_MODAL);
        setTitle(I18n.t("match.dialog.title"));
        setHeaderText(I18n.t(mode == Mode.REGISTER ? "match.dialog.header" : "match.dialog.mergeHeader"));
        setResizable(true);

        table.setId("duplicateCandidates");
        table.getColumns().add(column("match.column.score", c -> Integer.toString(c.score()), 55));
        table.getColumns().add(column("match.column.nameLatin", MatchCandidate::nameLatin, 150));
        table.getColumns().add(column("match.column.nameNative", c -> c.nameNative() == null ? "" : c.nameNative(), 155));
        table.getColumns().add(column("match.column.nationality", c -> I18n.country(c.nationality()), 95));
        table.getColumns().add(column("match.column.birth", DuplicateCandidatesDialog::birth, 90));
        table.getColumns().add(column("match.column.case", MatchCandidate::caseNumber, 165));
        table.getColumns().add(column("match.column.cases", c -> Integer.toString(c.caseCount()), 55));
        TableColumn<MatchCandidate, String> whyColumn = column("match.column.why", DuplicateCandidatesDialog::why, 400);
        // The reasons wrap instead of being cut: they are what the caseworker decides on.
        whyColumn.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
            }
        });
        table.getColumns().add(whyColumn);
        table.setItems(FXCollections.observableArrayList(candidates));
        table.setPlaceholder(new javafx.scene.control.Label(I18n.t("match.none")));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPrefSize(1180, 280);
        getDialogPane().setPrefWidth(1220);
        getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (!candidates.isEmpty()) table.getSelectionModel().selectFirst();

        VBox content = new VBox(8, table);
        content.setPadding(new Insets(8));
        getDialogPane().setContent(content);

        ButtonType primary = new ButtonType(I18n.t(mode == Mode.REGISTER ? "match.link" : "match.mergeWith"),
                ButtonBar.ButtonData.OK_DONE);
        ButtonType secondary = new ButtonType(I18n.t(mode == Mode.REGISTER ? "match.someoneElse" : "match.notSame"),
                ButtonBar.ButtonData.OTHER);
        getDialogPane().getButtonTypes().addAll(primary, secondary, ButtonType.CANCEL);
        Button primaryButton = (Button) getDialogPane().lookupButton(primary);
        primaryButton.setId("matchPrimary");
        primaryButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button secondaryButton = (Button) getDialogPane().lookupButton(secondary);
        secondaryButton.setId("matchSecondary");
        if (mode == Mode.MERGE) {
            secondaryButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }

        setResultConverter(button -> {
            MatchCandidate selected = table.getSelectionModel().getSelectedItem();
            UUID id = selected == null ? null : selected.personId();
            if (button == primary) return new Decision(mode == Mode.REGISTER ? Choice.LINK : Choice.MERGE, id);
            if (button == secondary) return new Decision(mode == Mode.REGISTER ? Choice.SOMEONE_ELSE : Choice.NOT_SAME, id);
            return new Decision(Choice.CANCEL, null);
        });
    }

    public TableView<MatchCandidate> table() {
        return table;
    }

    /** The reasons in the user's language. */
    static String why(MatchCandidate c) {
        return c.reasons().stream().map(DuplicateCandidatesDialog::reason).collect(Collectors.joining("; "));
    }

    static String reason(MatchReason r) {
        return I18n.t("match.reason." + r.kind().name(), r.n());
    }

    private static String birth(MatchCandidate c) {
        if (c.birthDate() != null) return c.birthDate().toString();
        if (c.estimatedAge() != null) return I18n.t("match.birth.age", c.estimatedAge());
        return "";
    }

    private static TableColumn<MatchCandidate, String> column(String key, java.util.function.Function<MatchCandidate, String> value,
                                                              double width) {
        TableColumn<MatchCandidate, String> col = new TableColumn<>(I18n.t(key));
        col.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        col.setPrefWidth(width);
        col.setSortable(false);
        return col;
    }
}
