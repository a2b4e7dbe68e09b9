package org.haven.core.reports;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.haven.core.common.HavenException;
import org.haven.core.db.Database;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Role;
import org.haven.core.security.Session;

/**
 * Whose documents Haven prints: the organisation's name, address and logo, kept in the encrypted
 * database (the logo in app_setting_file) and printed at the head of summaries and reports. Administrators change them; each change is audited
 * (the key only: an address is the organisation's, but the audit log holds no free text).
 */
public final class OrganisationSettings {
    public static final String NAME = SummarySettings.ORGANISATION_KEY;
    public static final String ADDRESS = "organisation.address";
    public static final String LOGO = "organisation.logo";
    /** The keys `settings set` accepts, in the order `settings list` prints them. */
    public static final java.util.List<String> KEYS = java.util.List.of(NAME, ADDRESS, LOGO);
    private static final int MAX_LENGTH = 500;
    /** A logo heads every page: a small image is plenty, and the database keeps it in every backup. */
    public static final long MAX_LOGO_BYTES = 1024 * 1024;
    private static final int MAX_LOGO_SIDE = 4000;

    /** The organisation's logo: the file's bytes as given (PNG or JPEG), and its size in pixels. */
    public record Logo(byte[] bytes, String type, int width, int height) {
        /** How `settings list` and the window show it, e.g. "set (PNG, 120x40)". */
        public String describe() {
            return "set (" + type + ", " + width + "x" + height + ")";
        }
    }

    private final Database db;
    private final Session session;

    public OrganisationSettings(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    /** Every organisation setting with its current value ("" when unset; the logo described, not its bytes). */
    public Map<String, String> list() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : KEYS) out.put(key, key.equals(LOGO) ? logo().map(Logo::describe).orElse("") : read(key));
        return out;
    }

    public Optional<Logo> logo() {
        return SettingsRepository.logo(db.dsl(), LOGO);
    }

    /**
     * Sets the logo from a PNG or JPEG file (administrators; audited); a blank path removes it.
     * The file must be a real image no larger than {@link #MAX_LOGO_BYTES}.
     */
    public void setLogo(Path file) {
        session.require(Role.ADMIN);
        Logo logo = file == null ? null : readLogo(file);
        db.inTransactionRun(tx -> {
            SettingsRepository.replaceLogo(tx, LOGO, logo);
            AuditLog.record(tx, session.user(), "SETTING_CHANGED", "setting", null, LOGO);
        });
    }

    /** Reads and checks a logo file: PNG or JPEG by its first bytes, decodable, of bounded size. */
    public static Logo readLogo(Path file) {
        byte[] bytes;
        try {
            if (!Files.exists(file)) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.logo.missing", String.valueOf(file.getFileName()));
            if (!Files.isRegularFile(file)) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.logo.notAFile", String.valueOf(file.getFileName()));
            if (Files.size(file) > MAX_LOGO_BYTES) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.logo.tooLarge");
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.logo.unreadable", String.valueOf(file.getFileName()));
        }
        String type = bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G' ? "PNG"
                : bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF ? "JPEG" : null;
        if (type == null) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.logo.notAnImage");
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.logo.undecodable", type);
        if (image.getWidth() > MAX_LOGO_SIDE || image.getHeight() > MAX_LOGO_SIDE) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.logo.tooWide", String.valueOf(MAX_LOGO_SIDE));
        }
        return new Logo(bytes, type, image.getWidth(), image.getHeight());
    }

    public String name() {
        return SummarySettings.organisation(db.dsl());
    }

    public String address() {
        return read(ADDRESS);
    }

    public void set(String key, String value) {
        session.require(Role.ADMIN);
        if (!KEYS.contains(key)) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.setting.unknown", key, String.join(", ", KEYS));
        }
        if (key.equals(LOGO)) {
            setLogo(value == null || value.isBlank() ? null : Path.of(value.strip()));
            return;
        }
        String v = value == null ? "" : value.strip();
        // The name and address are printed on every document and in CLI tables: no terminal escapes or hidden line breaks.
        // (The zero-width space and joiners stay: Khmer text needs them.)
        if (org.haven.core.common.PlainText.lineProblem(v) != null) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.setting.controlCharacters", key);
        }
        if (v.length() > MAX_LENGTH) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.setting.tooLong", key, String.valueOf(MAX_LENGTH));
        db.inTransactionRun(tx -> {
            SettingsRepository.write(tx, key, v);
            AuditLog.record(tx, session.user(), "SETTING_CHANGED", "setting", null, key);
        });
    }

    private String read(String key) {
        String v = SettingsRepository.read(db.dsl(), key);
        return v == null ? "" : v.strip();
    }
}
