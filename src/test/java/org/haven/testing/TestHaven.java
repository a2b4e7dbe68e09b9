package org.haven.testing;

import java.nio.file.Path;
import org.haven.core.Haven;
import org.haven.core.cases.NewCase;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;

/** A real encrypted Haven database in a temporary folder, for tests. */
public final class TestHaven {
    public static final String ADMIN = "admin";
    public static final char[] PASSWORD = "correct-horse-battery".toCharArray();

    /**
     * Which database the data-layer tests run on: "h2" (the embedded file, default) or "postgresql"
     * (a fresh database on the test JVM's own PostgreSQL, see {@link TestPostgres}). Set by
     * -Dhaven.test.db or HAVEN_TEST_DB; `./mvnw verify` runs the data-layer tests once with each.
     */
    public static final String DB = choice();
    private static final java.util.Map<Path, org.haven.core.db.OfficeConnection> OFFICE = new java.util.concurrent.ConcurrentHashMap<>();

    private TestHaven() {}

    private static String choice() {
        String v = System.getProperty("haven.test.db");
        if (v == null || v.isBlank()) v = System.getenv("HAVEN_TEST_DB");
        return v == null || v.isBlank() ? "h2" : v.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean onPostgres() {
        return DB.equals("postgresql");
    }

    /** A new database whose first user is administrator and coordinator. */
    public static Haven create(Path dir) {
        return Haven.create(dir, office(dir), ADMIN, PASSWORD);
    }

    public static Haven login(Path dir) {
        return Haven.login(dir, officeFor(dir), ADMIN, PASSWORD);
    }

    /** Logs in as another user, on whichever database the tests run. */
    public static Haven login(Path dir, String username, char[] password) {
        return Haven.login(dir, officeFor(dir), username, password);
    }

    /** The office database of the data folder {@code dir} (a new one the first time), or null on H2. */
    public static org.haven.core.db.OfficeConnection office(Path dir) {
        if (!onPostgres()) return null;
        return OFFICE.computeIfAbsent(dir.toAbsolutePath(), d -> TestPostgres.newDatabase());
    }

    /** The office database already made for {@code dir}, or null (H2, or none made yet). */
    public static org.haven.core.db.OfficeConnection officeFor(Path dir) {
        return onPostgres() ? OFFICE.get(dir.toAbsolutePath()) : null;
    }

    public static Person person(String nameLatin, String nameNative) {
        return Person.draft(nameNative, nameLatin, Sex.FEMALE, null, 24, "VN", "vi", true, DocumentStatus.CONFISCATED, null);
    }

    public static NewCase newCase(Person p) {
        return new NewCase(p, null, null, null, null);
    }
}
