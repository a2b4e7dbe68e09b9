package org.haven.gui.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.haven.core.intake.FieldError;
import org.haven.core.intake.GridColumn;
import org.haven.core.intake.IntakeService;
import org.haven.core.intake.RowParser;
import org.haven.core.people.Person;

/** One row of the intake grid: the text of its cells as typed, and what is wrong with it. */
final class GridRowModel {
    private final List<StringProperty> cells = new ArrayList<>();
    private final ObjectProperty<Map<GridColumn, String>> errors = new SimpleObjectProperty<>(Map.of());
    private final StringProperty duplicates = new SimpleStringProperty("");
    /** Every problem of the row, one per line ("Sex: required"), for the row-number column's tooltip. */
    private final StringProperty problems = new SimpleStringProperty("");
    private Person valid;
    /** Under 18 at identification, by the age or birth date typed (whatever else the row lacks). */
    private final javafx.beans.property.BooleanProperty minor = new javafx.beans.property.SimpleBooleanProperty();

    GridRowModel() {
        for (int i = 0; i < GridColumn.values().length; i++) cells.add(new SimpleStringProperty(""));
        errors.addListener((obs, old, now) -> updateProblems());
        duplicates.addListener((obs, old, now) -> updateProblems());
    }

    private void updateProblems() {
        List<String> lines = new ArrayList<>();
        errors.get().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> lines.add(org.haven.gui.toolkit.I18n.t("intake.column." + e.getKey().name()) + ": " + e.getValue()));
        if (!duplicates.get().isEmpty()) lines.add(duplicates.get());
        problems.set(String.join("\n", lines));
    }

    StringProperty problemsProperty() {
        return problems;
    }

    GridRowModel(List<String> values) {
        this();
        for (int i = 0; i < values.size() && i < cells.size(); i++) cells.get(i).set(values.get(i));
    }

    StringProperty cell(GridColumn column) {
        return cells.get(column.ordinal());
    }

    List<StringProperty> cells() {
        return cells;
    }

    /** The cells as typed (for the draft). */
    List<String> values() {
        return cells.stream().map(p -> p.get() == null ? "" : p.get()).toList();
    }

    /** The cells as the parser reads them (shown labels turned into values). */
    List<String> parserValues() {
        List<String> out = new ArrayList<>();
        for (GridColumn c : GridColumn.values()) out.add(Choices.forParser(c, cell(c).get()));
        return out;
    }

    boolean isBlank() {
        return values().stream().allMatch(String::isBlank);
    }

    ObjectProperty<Map<GridColumn, String>> errorsProperty() {
        return errors;
    }

    StringProperty duplicatesProperty() {
        return duplicates;
    }

    /** The person this row would save, or null while it is blank or invalid. */
    Person validPerson() {
        return valid;
    }

    javafx.beans.property.ReadOnlyBooleanProperty minorProperty() {
        return minor;
    }

    private static boolean minorOn(String ageOrBirthDate, LocalDate identifiedOn) {
        if (ageOrBirthDate == null || ageOrBirthDate.isBlank()) return false;
        String t = ageOrBirthDate.strip();
        if (t.matches("~?\\s*\\d{1,3}")) return Integer.parseInt(t.replaceAll("\\D", "")) < 18;
        LocalDate born = RowParser.parseDate(t).date();
        return born != null && identifiedOn != null && born.isBefore(identifiedOn)
                && java.time.Period.between(born, identifiedOn).getYears() < 18;
    }

    /** Checks the row; a blank row has no errors (it is simply not saved). */
    void validate(LocalDate identifiedOn) {
        minor.set(minorOn(cell(GridColumn.AGE_OR_BIRTH_DATE).get(), identifiedOn));
        if (isBlank()) {
            valid = null;
            if (!errors.get().isEmpty()) errors.set(Map.of());
            return;
        }
        RowParser.Parsed parsed = IntakeService.check(parserValues(), identifiedOn);
        Map<GridColumn, String> byColumn = new EnumMap<>(GridColumn.class);
        for (FieldError e : parsed.errors()) {
            GridColumn c = GridColumn.of(e.field());
            if (c != null) byColumn.putIfAbsent(c, IntakeMessages.of(e));
        }
        valid = parsed.person();
        if (!byColumn.equals(errors.get())) errors.set(Map.copyOf(byColumn));
    }
}
