package org.haven.core.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The one check every command that writes a file makes before writing: never into Haven's own data
 * folder (an export over haven.keys made the database unopenable), never onto a device or other
 * non-regular file, and never over an existing file unless the user said --force.
 */
public final class OutputFiles {
    private OutputFiles() {}

    /** Throws BAD_INPUT (exit 2) with one line when the output path is not acceptable; writes nothing. */
    public static void check(Path output, Path dataFolder, boolean force) {
        if (output == null || output.toString().isBlank()) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.output.noName");
        }
        Problem problem = problem(output, dataFolder);
        if (problem == Problem.INSIDE_DATA_FOLDER) checkOutsideDataFolder(output, dataFolder);
        if (problem == Problem.NOT_A_FILE) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.output.notAFile", String.valueOf(output));
        }
        if (problem == Problem.EXISTS && !force) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.output.exists", String.valueOf(output));
        }
    }

    /** What stands against writing a file at a path; the CLI and the window's save dialogs ({@code SaveTarget}) word it. */
    public enum Problem {
        /** In (or through a link into) Haven's data folder: never written, whatever the user says. */
        INSIDE_DATA_FOLDER,
        /** Exists and is not a regular file (a folder, a device node, a pipe): never written. */
        NOT_A_FILE,
        /** A regular file that exists: replaced only when the user said so (--force, or yes in the window). */
        EXISTS
    }

    /** The problem with writing {@code output} (a non-blank path), or null when it may be written. Touches nothing. */
    public static Problem problem(Path output, Path dataFolder) {
        if (realOrNormalized(output).startsWith(realOrNormalized(dataFolder))) return Problem.INSIDE_DATA_FOLDER;
        if (Files.exists(output)) return Files.isRegularFile(output) ? Problem.EXISTS : Problem.NOT_A_FILE;
        return null;
    }

    /** Refuses a path in (or through a link into) the data folder. */
    public static void checkOutsideDataFolder(Path output, Path dataFolder) {
        if (output == null || output.toString().isBlank()) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.output.noPath");
        }
        if (realOrNormalized(output).startsWith(realOrNormalized(dataFolder))) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.output.insideDataFolder", String.valueOf(output), String.valueOf(dataFolder));
        }
    }

    /**
     * The path with every link and `..` resolved: the real path of its deepest existing ancestor
     * with the rest appended, so a link to the data folder anywhere along the way is seen.
     */
    static Path realOrNormalized(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            Path real = existing.toRealPath();
            return real.resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
