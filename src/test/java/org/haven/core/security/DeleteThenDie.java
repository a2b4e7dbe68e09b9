package org.haven.core.security;

import java.nio.file.Path;
import java.util.UUID;
import org.haven.core.Haven;
import org.haven.core.deletion.PersonDeletion;
import org.haven.testing.TestHaven;

/**
 * The child JVM of {@link KilledDeletionTest}: deletes the person of a case and dies the moment the
 * final compaction would start (Runtime.halt: like SIGKILL, no shutdown hook and no finally block
 * runs), i.e. after the deletion was committed and before the file was rewritten.
 */
public final class DeleteThenDie {
    private DeleteThenDie() {}

    public static void main(String[] args) {
        Haven haven = TestHaven.login(Path.of(args[0]));
        haven.database().beforeCompaction(() -> Runtime.getRuntime().halt(KilledDeletionTest.KILLED));
        new PersonDeletion(haven.database(), haven.session()).deletePersonOfCase(UUID.fromString(args[1]));
        System.out.println("DELETED");
        System.out.flush();
        haven.close();
        System.out.println("NOT KILLED");
    }
}
