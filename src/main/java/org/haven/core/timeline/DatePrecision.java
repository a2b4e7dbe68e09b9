package org.haven.core.timeline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How exactly an event's date is known. The stored date is the first day of the known period. */
public enum DatePrecision {
    DAY, MONTH, YEAR, APPROXIMATE;

    /** The date as it may honestly be shown: "2026-03", "2026", "about 2026-03-14". */
    public String format(LocalDate date) {
        return switch (this) {
            case DAY -> date.toString();
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonthValue());
            case YEAR -> Integer.toString(date.getYear());
            case APPROXIMATE -> "~" + date;
        };
    }

    public String format(LocalDate date, Locale locale, String approximatePrefix) {
        return switch (this) {
            case DAY -> date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
            case MONTH -> org.haven.core.common.Months.format(date, locale);
            case YEAR -> Integer.toString(date.getYear());
            case APPROXIMATE -> approximatePrefix + " " + date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
        };
    }

    /** Normalizes a date to the start of its period, so sorting and grouping stay honest. */
    public LocalDate normalize(LocalDate date) {
        return switch (this) {
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
            default -> date;
        };
    }
}
