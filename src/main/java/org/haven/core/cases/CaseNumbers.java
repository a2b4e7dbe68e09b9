package org.haven.core.cases;

import java.time.LocalDate;
import org.haven.core.changes.DeviceCode;
import org.jooq.DSLContext;

/**
 * Human case numbers such as HVN-2026-K7P-000123: year, the device code of this installation (so
 * two laptops never issue the same number), and a counter per year and device.
 */
public final class CaseNumbers {

    private CaseNumbers() {}

    public static String next(DSLContext tx, LocalDate openedOn) {
        return format(tx, openedOn.getYear(), reserve(tx, openedOn.getYear(), 1));
    }

    /** Reserves {@code count} consecutive numbers for one year (bulk registration); returns the first serial. */
    public static int reserve(DSLContext tx, int year, int count) {
        String prefix = prefix(tx, year);
        // The year's counter is created if absent (a second session creating it at the same moment waits
        // for the first and then finds it), then moved on: the update's row lock makes concurrent
        // registrations on the office database queue here, so no number is issued twice.
        return CaseNumberRepository.reserve(tx, prefix, count);
    }

    public static String format(DSLContext tx, int year, int serial) {
        return prefix(tx, year) + String.format("%06d", serial);
    }

    /** The same number, for a caller that already read the device code (bulk writers). */
    public static String format(String deviceCode, int year, int serial) {
        return "HVN-" + year + "-" + deviceCode + "-" + String.format("%06d", serial);
    }

    private static String prefix(DSLContext tx, int year) {
        return "HVN-" + year + "-" + deviceCode(tx) + "-";
    }

    /** This installation's device code: {@link DeviceCode#of}. */
    public static String deviceCode(DSLContext tx) {
        return DeviceCode.of(tx);
    }
}
