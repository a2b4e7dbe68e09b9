package org.haven.cli;

import java.util.concurrent.Callable;
import org.haven.core.Haven;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `haven init --admin NAME`: creates the encrypted database and its first administrator. */
@Command(name = "init", description = "Create a new database with its first administrator (password from HAVEN_PASSWORD or the prompt).")
final class InitCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Option(names = "--admin", required = true, paramLabel = "NAME", description = "User name of the first administrator.")
    String admin;

    @Override
    public Integer call() {
        org.haven.core.db.OfficeConnection office = home.office();
        char[] password = Credentials.password();
        try (Haven haven = Haven.create(home.home(), office, admin, password)) {
            String where = office == null ? haven.database().home().toString() : office.display();
            System.out.println("created database in " + where + " with administrator " + admin);
        }
        return 0;
    }
}
