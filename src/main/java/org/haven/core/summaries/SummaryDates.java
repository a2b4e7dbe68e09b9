package org.haven.core.summaries;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DateTimePatternGenerator;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;

/**
 * Dates as a reader of the summary's language writes them: CLDR's patterns through ICU4J
 * ("4 Dec 2026", "4 ធ្នូ 2026", "2026年12月4日"). One instance per summary run (ICU formatters are
 * not thread-safe).
 */
final class SummaryDates {
    private final DateFormat day;
    private final DateFormat month;
    private final DateFormat year;
    private final DateFormat time;

    SummaryDates(Locale locale) {
        ULocale u = ULocale.forLocale(locale);
        DateTimePatternGenerator g = DateTimePatternGenerator.getInstance(u);
        day = utc(DateFormat.getDateInstance(DateFormat.MEDIUM, u));
        month = utc(new SimpleDateFormat(g.getBestPattern("yMMMM"), u));
        year = utc(new SimpleDateFormat(g.getBestPattern("y"), u));
        time = utc(new SimpleDateFormat(g.getBestPattern("Hmm"), u));
    }

    private static DateFormat utc(DateFormat f) {
        f.setTimeZone(TimeZone.GMT_ZONE);
        return f;
    }

    private static Date at(LocalDate d) {
        return Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    String day(LocalDate d) {
        return d == null ? null : day.format(at(d));
    }

    String month(LocalDate d) {
        return month.format(at(d));
    }

    String year(LocalDate d) {
        return year.format(at(d));
    }

    /** Date and local time of production, with its UTC offset (the reader may be in another time zone). */
    String timestamp(OffsetDateTime t) {
        Date local = Date.from(t.toLocalDateTime().toInstant(ZoneOffset.UTC));
        String offset = t.getOffset().equals(ZoneOffset.UTC) ? "UTC" : "UTC" + t.getOffset().getId();
        return day.format(local) + " " + time.format(local) + " (" + offset + ")";
    }
}
