package org.haven.core.intake;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The columns of the bulk intake grid, in order: the minimal fields to register a person after a
 * raid. "Age or date of birth" is one column: a whole number is an age, anything else a date.
 */
public enum GridColumn {
    NAME_NATIVE(IntakeField.NAME_NATIVE),
    NAME_LATIN(IntakeField.NAME_LATIN),
    SEX(IntakeField.SEX),
    AGE_OR_BIRTH_DATE(IntakeField.AGE),
    NATIONALITY(IntakeField.NATIONALITY),
    LANGUAGES(IntakeField.LANGUAGES),
    INTERPRETER_NEEDED(IntakeField.INTERPRETER_NEEDED),
    DOCUMENT_STATUS(IntakeField.DOCUMENT_STATUS);

    private static final Pattern AGE = Pattern.compile("~?\\s*\\d{1,3}");
    private final IntakeField field;

    GridColumn(IntakeField field) {
        this.field = field;
    }

    /** The grid column that shows errors of a field, or null when the grid has no such column. */
    public static GridColumn of(IntakeField field) {
        if (field == IntakeField.DATE_OF_BIRTH) return AGE_OR_BIRTH_DATE;
        for (GridColumn c : values()) {
            if (c.field == field) return c;
        }
        return null;
    }

    /** A grid row's cells (in column order) as field values for {@link RowParser}. */
    public static Map<IntakeField, String> toValues(List<String> cells) {
        Map<IntakeField, String> values = new EnumMap<>(IntakeField.class);
        for (GridColumn c : values()) {
            String text = c.ordinal() < cells.size() ? cells.get(c.ordinal()) : null;
            if (text == null) continue;
            if (c == AGE_OR_BIRTH_DATE && !text.isBlank() && !AGE.matcher(text.strip()).matches()) {
                values.put(IntakeField.DATE_OF_BIRTH, text);
            } else {
                values.put(c.field, text);
            }
        }
        return values;
    }

    public static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
