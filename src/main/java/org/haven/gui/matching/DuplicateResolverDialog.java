package org.haven.gui.matching;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseStatus;
import org.haven.core.matching.MatchCandidate;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;

/**
 * Decides about a new entry (a grid row, an import line, a registration) that is likely a person
 * already in Haven: the entry and the selected candidate side by side (names in their scripts,
 * birth date or age, nationality, sex, the candidate's case number and status), then "Link to this
 * person", "Register as new", optionally "Skip this line", or "Decide later". The safe choice is the
 * default: Enter (and Esc) decide later, so nothing is written by a key pressed out of habit.
 *
 * <p>Candidates in cases the user may not see are never shown: only that some exist, and whom to
 * ask (the coordinators). The dialog does no database work; the caller carries out the {@link Decision}.
 */
public final class DuplicateResolverDialog extends Dialog<DuplicateResolverDialog.Decision> {
    public enum Choice { LINK, NEW, SKIP, LATER }

    /** What the user chose; {@code personId} is the candidate to link to (LINK only). */
    public record Decision(Choice choice, UUID personId) {}

    /** Fits the smallest laptop screens in the field (1024x700) with room for the window's frame. */
    static final double WIDTH = 900;
    static final double HEIGHT = 560;

    private final ListView<MatchCandidate> candidates = new ListView<>();
    private final GridPane comparison = new GridPane();
    private final Person entry;

    /**
     * @param hidden       how many likely matches lie in cases the user may not see
     * @param coordinators whom to ask about those (display names)
     * @param offerSkip    whether "Skip this line" is offered (imports)
     */
    public DuplicateResolverDialog(Window owner, Person entry, List<MatchCandidate> found, int hidden,
                                   List<String> coordinators, boolean offerSkip) {
        this.entry = entry;
        org.haven.gui.toolkit.Dialogs.prepare(this, owner); // owned (centred on its owner), localized, styled
        initModality(Modality.WINDOW_MODAL);
        setTitle(I18n.t("match.resolve.title"));
        setHeaderText(I18n.t(found.isEmpty() ? "match.resolve.headerHidden" : "match.resolve.header"));
        setResizable(true);

        VBox content = new VBox(10);
        content.setPadding(new Insets(4, 8, 4, 8));
        if (!found.isEmpty()) {
            candidates.setId("matchCandidates");
            candidates.setItems(FXCollections.observableArrayList(found));
            candidates.setCellFactory(l -> new ListCell<>() {
                @Override
                protected void updateItem(MatchCandidate c, boolean empty) {
                    super.updateItem(c, empty);
                    setText(empty || c == null ? null : I18n.t("match.resolve.candidate", c.caseNumber(),
                            name(c.nameLatin(), c.nameNative()), c.score()));
                }
            });
            candidates.setPrefHeight(Math.min(found.size(), 3) * 26 + 4);
            candidates.setMinHeight(Region.USE_PREF_SIZE);
            candidates.getSelectionModel().selectedItemProperty().addListener((o, a, now) -> compare(now));
            content.getChildren().add(new VBox(4, new Label(I18n.t("match.resolve.choose")), candidates));
            comparison.setId("matchComparison");
            comparison.setHgap(16);
            comparison.setVgap(6);
            ColumnConstraints labels = new ColumnConstraints();
            labels.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints side = new ColumnConstraints();
            side.setPercentWidth(40);
            side.setHgrow(Priority.ALWAYS);
            comparison.getColumnConstraints().addAll(labels, side, side);
            ScrollPane scroll = new ScrollPane(comparison);
            scroll.setFitToWidth(true);
            VBox.setVgrow(scroll, Priority.ALWAYS);
            content.getChildren().add(scroll);
        }
        if (hidden > 0) {
            String who = coordinators.isEmpty() ? I18n.t("match.resolve.aCoordinator") : String.join(", ", coordinators);
            Label notice = new Label(I18n.t(found.isEmpty() ? "match.resolve.hiddenOnly" : "match.resolve.hiddenMore", hidden, who));
            notice.setId("matchHiddenNotice");
            notice.setWrapText(true);
            notice.getStyleClass().add("warning");
            content.getChildren().add(notice);
        }
        getDialogPane().setContent(content);

        // No button is a "default" type: Enter must not link or register.
        ButtonType link = new ButtonType(I18n.t("match.link"), ButtonBar.ButtonData.OTHER);
        ButtonType registerNew = new ButtonType(I18n.t("match.resolve.new"), ButtonBar.ButtonData.OTHER);
        ButtonType skip = new ButtonType(I18n.t("match.resolve.skip"), ButtonBar.ButtonData.OTHER);
        ButtonType later = new ButtonType(I18n.t("match.resolve.later"), ButtonBar.ButtonData.CANCEL_CLOSE);
        if (!found.isEmpty()) getDialogPane().getButtonTypes().add(link);
        getDialogPane().getButtonTypes().add(registerNew);
        if (offerSkip) getDialogPane().getButtonTypes().add(skip);
        getDialogPane().getButtonTypes().add(later);
        if (!found.isEmpty()) {
            Button linkButton = (Button) getDialogPane().lookupButton(link);
            linkButton.setId("matchPrimary");
            linkButton.setDefaultButton(false);
            linkButton.disableProperty().bind(candidates.getSelectionModel().selectedItemProperty().isNull());
        }
        Button newButton = (Button) getDialogPane().lookupButton(registerNew);
        newButton.setId("matchSecondary");
        newButton.setDefaultButton(false);
        if (offerSkip) {
            Button skipButton = (Button) getDialogPane().lookupButton(skip);
            skipButton.setId("matchSkip");
            skipButton.setDefaultButton(false);
        }
        Button laterButton = (Button) getDialogPane().lookupButton(later);
        laterButton.setId("matchLater");
        laterButton.setDefaultButton(true);

        getDialogPane().setPrefSize(WIDTH, found.isEmpty() ? Region.USE_COMPUTED_SIZE : HEIGHT);
        getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        if (!found.isEmpty()) candidates.getSelectionModel().selectFirst();
        // The focus starts on the safe button too, so a stray Space does nothing harmful either.
        setOnShown(e -> Platform.runLater(laterButton::requestFocus));

        setResultConverter(button -> {
            if (button == link) {
                MatchCandidate c = candidates.getSelectionModel().getSelectedItem();
                return c == null ? new Decision(Choice.LATER, null) : new Decision(Choice.LINK, c.personId());
            }
            if (button == registerNew) return new Decision(Choice.NEW, null);
            if (button == skip) return new Decision(Choice.SKIP, null);
            return new Decision(Choice.LATER, null);
        });
    }

    /**
     * Shows the dialog centred on its owner, moved as little as needed to keep it whole on the
     * owner's screen (a dialog centred on a short window would otherwise open with its title bar
     * above the screen). Call instead of {@link #show()}.
     */
    public void showOnOwner() {
        Window owner = getOwner();
        if (owner != null) {
            double w = getDialogPane().prefWidth(-1);
            double h = getDialogPane().prefHeight(w);
            double x = owner.getX() + (owner.getWidth() - w) / 2;
            double y = owner.getY() + (owner.getHeight() - h) / 2;
            var screens = javafx.stage.Screen.getScreensForRectangle(owner.getX(), owner.getY(),
                    Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight()));
            javafx.geometry.Rectangle2D area = (screens.isEmpty() ? javafx.stage.Screen.getPrimary() : screens.getFirst()).getVisualBounds();
            x = Math.max(area.getMinX(), Math.min(x, area.getMaxX() - w));
            y = Math.max(area.getMinY(), Math.min(y, area.getMaxY() - h));
            setX(x);
            setY(y);
        }
        show();
    }

    /** The candidates shown (the first is selected at the start). */
    public ListView<MatchCandidate> candidates() {
        return candidates;
    }

    /** Fills the side-by-side comparison: the new entry on the left, the candidate on the right. */
    private void compare(MatchCandidate c) {
        comparison.getChildren().clear();
        if (c == null) return;
        Label newTitle = new Label(I18n.t("match.resolve.newEntry"));
        Label oldTitle = new Label(I18n.t("match.resolve.existing"));
        newTitle.getStyleClass().add("title-4");
        oldTitle.getStyleClass().add("title-4");
        comparison.add(newTitle, 1, 0);
        comparison.add(oldTitle, 2, 0);
        int r = 1;
        r = row(r, "match.column.nameLatin", "matchNewLatin", entry.nameLatin(), "matchOldLatin", c.nameLatin());
        r = row(r, "match.column.nameNative", "matchNewNative", entry.nameNative(), "matchOldNative", c.nameNative());
        r = row(r, "match.column.birth", "matchNewBirth", birth(entry.birthDate(), entry.estimatedAge()),
                "matchOldBirth", birth(c.birthDate(), c.estimatedAge()));
        r = row(r, "match.column.nationality", "matchNewNationality", I18n.country(entry.nationality()),
                "matchOldNationality", I18n.country(c.nationality()));
        r = row(r, "match.column.sex", "matchNewSex", entry.sex() == null ? "" : I18n.label(entry.sex()),
                "matchOldSex", sex(c.sex()));
        r = row(r, "match.column.case", "matchNewCase", I18n.t("match.resolve.notSaved"), "matchOldCase", caseText(c));
        row(r, "match.column.why", null, "", "matchWhy", DuplicateCandidatesDialog.why(c));
    }

    private int row(int r, String labelKey, String newId, String newValue, String oldId, String oldValue) {
        Label label = new Label(I18n.t(labelKey));
        label.getStyleClass().add("text-muted");
        comparison.add(label, 0, r);
        Label left = value(newId, newValue);
        Label right = value(oldId, oldValue);
        comparison.add(left, 1, r);
        comparison.add(right, 2, r);
        GridPane.setValignment(label, VPos.TOP);
        return r + 1;
    }

    private static Label value(String id, String text) {
        Label l = new Label(text == null ? "" : text);
        if (id != null) l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static String name(String latin, String nativeName) {
        if (nativeName == null || nativeName.isBlank()) return latin == null ? "" : latin;
        if (latin == null || latin.isBlank()) return nativeName;
        return nativeName + " / " + latin;
    }

    /** "1997-08-20 (29)" or "about 27": the age is what the caseworker compares with the person in front of them. */
    static String birth(LocalDate born, Integer estimatedAge) {
        if (born != null) return I18n.t("match.resolve.born", born.toString(), Period.between(born, LocalDate.now()).getYears());
        if (estimatedAge != null) return I18n.t("match.birth.age", estimatedAge);
        return I18n.t("match.resolve.unknown");
    }

    private static String sex(String code) {
        if (code == null) return "";
        try {
            return I18n.label(Sex.valueOf(code));
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private static String caseText(MatchCandidate c) {
        String status = "";
        if (c.caseStatus() != null) {
            try {
                status = I18n.label(CaseStatus.valueOf(c.caseStatus()));
            } catch (IllegalArgumentException e) {
                status = c.caseStatus();
            }
        }
        return I18n.t("match.resolve.case", c.caseNumber(), status, c.caseCount());
    }
}
