package org.haven.cli;

import java.io.PrintWriter;
import org.haven.core.common.DiskFull;
import org.haven.core.common.HavenException;
import org.haven.core.common.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `haven` command line (see docs/CLI.md): every capability that needs no window. */
// scope INHERIT: --help (and --version) on every subcommand and nested subcommand, without credentials.
@Command(name = "haven", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = HavenCommand.VersionProvider.class,
        description = "Haven: offline case tracking for survivors of trafficking. With no command, opens the window.",
        subcommands = {CheckCommand.class, InitCommand.class, UserCommand.class, DemoCommand.class,
                StatsCommand.class, SearchCommand.class, GuiCommand.class,
                ExportCommand.class, SummaryCommand.class, AuditCommand.class, BackupCommand.class,
                RestoreCommand.class, PersonCommand.class, ImportCommand.class, MatchCommand.class,
                SettingsCommand.class, ReportCommand.class, OperationCommand.class, CaseCommand.class, ServeCommand.class, JoinCommand.class, SyncCommand.class,
                ConflictsCommand.class})
public final class HavenCommand implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(HavenCommand.class);

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing command: see 'haven --help'.");
    }

    /** The whole command tree, with the commands found on the class path that the product does not contain. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new HavenCommand());
        for (ExtraCommand extra : java.util.ServiceLoader.load(ExtraCommand.class)) cli.addSubcommand(extra);
        return cli;
    }

    public static int run(String... args) {
        CommandLine cli = commandLine();
        cli.setExecutionExceptionHandler(HavenCommand::handleFailure);
        cli.setParameterExceptionHandler(HavenCommand::handleBadUsage);
        return cli.execute(args);
    }

    /** Bad usage: one line and exit 2. */
    private static int handleBadUsage(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("haven: " + Cells.of(e.getMessage()) + " (see 'haven --help')");
        err.flush();
        return 2;
    }

    /** Failures: one line, no stack trace, no personal data; exit 2, 3 or 1 by kind. */
    static int handleFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (DiskFull.isCause(e)) {
            err.println("haven: " + DiskFull.MESSAGE);
            err.flush();
            return 1;
        }
        if (e instanceof HavenException he) {
            // Messages may echo the command's own arguments: escaped, so a typed ESC cannot reach the terminal.
            err.println("haven: " + Cells.of(he.getMessage()));
            err.flush();
            return exitCode(he.kind());
        }
        // Unexpected: the message may hold data (SQL values), so only the type is shown and logged.
        LOG.error("Unexpected failure in command {}: {}", cmd.getCommandName(), e.getClass().getName());
        err.println("haven: unexpected error (" + e.getClass().getSimpleName() + "): nothing was changed if the command writes in one step; run 'haven check' and report the error name.");
        err.flush();
        return 1;
    }

    public static int exitCode(HavenException.Kind kind) {
        return switch (kind) {
            case BAD_INPUT, NOT_FOUND -> 2;
            case DENIED -> 3;
            case CONFLICT, FAILURE -> 1;
        };
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"haven " + Version.current()};
        }
    }
}
