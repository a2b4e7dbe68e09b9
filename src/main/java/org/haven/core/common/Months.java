package org.haven.core.common;

import com.ibm.icu.text.DateTimePatternGenerator;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A month and its year as a language writes them: CLDR's pattern for the skeleton yMMMM ("February 2025", "2025年2月", "tháng 2 năm 2025"). */
public final class Months {
    private Months() {}

    public static String format(LocalDate date, Locale locale) {
        String pattern = DateTimePatternGenerator.getInstance(ULocale.forLocale(locale)).getBestPattern("yMMMM");
        return date.format(DateTimeFormatter.ofPattern(pattern, locale));
    }
}
