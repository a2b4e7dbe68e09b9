package org.haven.core.common;

import java.nio.file.Path;

/**
 * The data folder (or the database file in it) cannot be written: a read-only mount, or a folder the
 * user may only read. H2 needs to write even to read (its lock and its chunks), so Haven refuses to open.
 * The window shows it from the bundle (error.readOnlyFolder) with {@link #folder()}.
 */
public final class ReadOnlyDataFolderException extends HavenException {
    private final Path folder;

    public ReadOnlyDataFolderException(Path folder) {
        super(Kind.FAILURE, "The data folder " + folder + " is read-only: Haven needs to write there."
                + " Make it writable, or copy it to a writable place and set HAVEN_HOME, and try again.");
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
