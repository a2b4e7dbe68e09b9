package org.haven.core.changes;

import java.security.SecureRandom;
import org.jooq.DSLContext;

/**
 * This installation's device code: three letters made once, in every case number (HVN-2026-K7P-000123)
 * and in every change it sends, so that two laptops never issue the same number and the office tells
 * their changes apart.
 */
public final class DeviceCode {
    static final String KEY = "device.code";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private DeviceCode() {}

    public static String of(DSLContext tx) {
        String code = DeviceCodeRepository.deviceCode(tx, KEY);
        if (code != null) return code;
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        // On the office database two first registrations can race here: the second keeps the first's code.
        return DeviceCodeRepository.keepDeviceCode(tx, KEY, sb.toString());
    }
}
