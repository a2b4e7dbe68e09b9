package org.haven.testing;

import java.nio.file.Path;
import org.haven.core.Haven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test against a real encrypted H2 file database, created fresh in a temp folder for each test. */
public abstract class DatabaseTest {
    @TempDir protected Path dir;
    protected Haven haven;

    @BeforeEach
    void openDatabase() {
        haven = TestHaven.create(dir);
    }

    @AfterEach
    void closeDatabase() {
        haven.close();
    }
}
