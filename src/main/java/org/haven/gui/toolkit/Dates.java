package org.haven.gui.toolkit;

import com.ibm.icu.text.DateTimePatternGenerator;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * The one date format of the window: the order of day, month and year follows the window's
 * language as CLDR (through ICU) gives it (Khmer, Vietnamese, Indonesian: 25/12/1999; Chinese:
 * 1999/12/25; English, whose locale is plain "en": 12/25/1999), and ISO 1999-12-25 is accepted
 * everywhere. Every date field is a {@link #picker} and shows its format as the prompt; a date that
 * cannot be read stays in the field, marked, with a message, and the picker's value is empty then
 * (so no earlier date is kept behind a wrong text). Months read as the language writes them
 * ("2025年2月", not "二月 2025").
 */
public final class Dates {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("danger");
    private static final String BAD_TEXT = "haven.dates.badText";

    private Dates() {}

    /** The numeric date pattern of the window's language, zero-padded, four-digit year (e.g. dd/MM/yyyy). */
    public static String pattern() {
        return pattern(I18n.locale());
    }

    static String pattern(Locale locale) {
        return DateTimePatternGenerator.getInstance(ULocale.forLocale(locale)).getBestPattern("yyyyMMdd");
    }

    /** A date as the window writes it. */
    public static String format(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ofPattern(pattern(), I18n.locale()));
    }

    /** A month and year as the window's language writes them (ICU skeleton yMMMM: "February 2025", "2025年2月"). */
    public static String month(LocalDate date) {
        return month(date, I18n.locale());
    }

    public static String month(LocalDate date, Locale locale) {
        return org.haven.core.common.Months.format(date, locale);
    }

    /** The date typed in the window's format (one or two digits for day and month) or as ISO yyyy-MM-dd; null when blank. */
    public static LocalDate parse(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        try {
            return LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException notIso) {
            String lenient = pattern().replace("dd", "d").replace("MM", "M").replace("yyyy", "uuuu").replace("y", "u");
            return LocalDate.parse(t, DateTimeFormatter.ofPattern(lenient, I18n.locale()).withResolverStyle(ResolverStyle.STRICT));
        }
    }

    /** The format for people: the pattern with the language's own letters for day, month and year (dd/mm/yyyy). */
    public static String promptText() {
        return pattern().replace("dd", I18n.t("date.placeholder.day")).replace("MM", I18n.t("date.placeholder.month"))
                .replace("yyyy", I18n.t("date.placeholder.year"));
    }

    /** A date picker in the window's format, empty. */
    public static DatePicker picker() {
        return picker(null);
    }

    /** A date picker in the window's format showing {@code value}. */
    public static DatePicker picker(LocalDate value) {
        DatePicker picker = new DatePicker(value);
        install(picker);
        return picker;
    }

    /** Gives an existing picker the window's format, its prompt, ISO input and visible errors. */
    public static void install(DatePicker picker) {
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                try {
                    LocalDate date = parse(text);
                    picker.getProperties().remove(BAD_TEXT);
                    return date;
                } catch (DateTimeParseException e) {
                    // JavaFX would put the last good value's text back: remember what was typed and show it again.
                    picker.getProperties().put(BAD_TEXT, text);
                    return null;
                }
            }
        });
        picker.setPromptText(promptText());
        picker.getEditor().focusedProperty().addListener((o, was, focused) -> {
            if (!focused) Platform.runLater(() -> showInvalid(picker));
        });
        picker.getEditor().textProperty().addListener((o, a, text) -> {
            if (isInvalid(picker) && !text.equals(picker.getProperties().get(BAD_TEXT))) mark(picker, false);
        });
        picker.valueProperty().addListener((o, a, value) -> {
            if (value != null) picker.getProperties().remove(BAD_TEXT);
        });
    }

    /** True when the field holds text that is not a date (the user sees it marked). */
    public static boolean isInvalid(DatePicker picker) {
        String text = picker.getEditor().getText();
        if (text == null || text.isBlank()) return false;
        try {
            parse(text);
            return false;
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    private static void showInvalid(DatePicker picker) {
        Object bad = picker.getProperties().get(BAD_TEXT);
        if (bad instanceof String text && picker.getValue() == null && !text.isBlank()) {
            if (!text.equals(picker.getEditor().getText())) picker.getEditor().setText(text);
            mark(picker, true);
        } else {
            mark(picker, isInvalid(picker));
        }
    }

    private static void mark(DatePicker picker, boolean invalid) {
        picker.pseudoClassStateChanged(INVALID, invalid);
        picker.getEditor().pseudoClassStateChanged(INVALID, invalid);
        picker.setTooltip(invalid ? new Tooltip(I18n.t("date.invalid", promptText())) : null);
        if (invalid) picker.getProperties().put("haven.dates.message", I18n.t("date.invalid", promptText()));
        else picker.getProperties().remove("haven.dates.message");
    }

    /** The message shown for an unreadable date, or null (for forms that show messages under their fields). */
    public static String message(DatePicker picker) {
        return isInvalid(picker) ? I18n.t("date.invalid", promptText()) : null;
    }
}
