package org.haven.testing;

import java.nio.file.Path;
import org.haven.Haven;
import org.haven.cases.NewCase;
import org.haven.people.DocumentStatus;
import org.haven.people.Person;
import org.haven.people.Sex;

/** A real encrypted Haven database in a temporary folder, for tests. */
public final class TestHaven {
    public static final String ADMIN = "admin";
    public static final char[] PASSWORD = "correct-horse-battery".toCharArray();

    private TestHaven() {}

    /** A new database whose first user is administrator and coordinator. */
    public static Haven create(Path dir) {
        return Haven.create(dir, ADMIN, PASSWORD);
    }

    public static Haven login(Path dir) {
        return Haven.login(dir, ADMIN, PASSWORD);
    }

    public static Person person(String nameLatin, String nameNative) {
        return Person.draft(nameNative, nameLatin, Sex.FEMALE, null, 24, "VN", "vi", true, DocumentStatus.CONFISCATED, null);
    }

    public static NewCase newCase(Person p) {
        return new NewCase(p, null, null, null, null);
    }
}
