package org.haven.gui.toolkit;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.haven.core.common.OutputFiles;

/**
 * Every save of the window goes through here (statistics, report, chart images, anonymized export,
 * summaries, backups): the user picks a file, and the choice is checked by the same guard as the
 * CLI's {@code -o} ({@link OutputFiles}) before anything is written. A file inside Haven's data folder
 * (an export over haven.keys made the database unopenable) or a device or folder is refused with a
 * message; an existing file is replaced only after the user said yes in Haven's own question (the
 * system dialog may or may not ask on each platform). The check runs off the FX thread, and the
 * caller's {@code save} starts its own background task.
 */
public final class SaveTarget {
    /** What the chooser shows: its title, a proposed file name and one file type. */
    public record Request(String title, String initialName, String description, String pattern) {}

    /** Picks the file to write (null: cancelled). The system dialog; tests put their own choice here. */
    @FunctionalInterface
    public interface Chooser {
        Path choose(Window owner, Request request);
    }

    private static final Chooser SYSTEM_DIALOG = (owner, request) -> {
        FileChooser chooser = new FileChooser();
        if (request.title() != null) chooser.setTitle(request.title());
        chooser.setInitialFileName(request.initialName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(request.description(), request.pattern()));
        File file = chooser.showSaveDialog(owner);
        return file == null ? null : file.toPath();
    };

    private static volatile Chooser chooser = SYSTEM_DIALOG;

    private SaveTarget() {}

    /** Tests: a chooser that returns a chosen path instead of showing the system dialog (null: the system dialog again). */
    public static void useChooser(Chooser replacement) {
        chooser = replacement == null ? SYSTEM_DIALOG : replacement;
    }

    /** Asks where to save one file, checks it, and hands the accepted path to {@code save} on the FX thread. */
    public static void ask(Window owner, Path dataFolder, Request request, Consumer<Path> save) {
        ask(owner, dataFolder, request, path -> List.of(), save);
    }

    /**
     * The same, for a save that also writes files beside the chosen one ({@code companions}: the
     * anonymized export's report and codebook): each is checked, and replacing any is asked once.
     */
    public static void ask(Window owner, Path dataFolder, Request request, Function<Path, List<Path>> companions, Consumer<Path> save) {
        Path chosen = chooser.choose(owner, request);
        if (chosen == null) return;
        FxTasks.run(() -> check(chosen, dataFolder, companions.apply(chosen)), verdict -> {
            if (verdict.refusal() != null) {
                show(Dialogs.alert(owner, Alert.AlertType.WARNING, verdict.refusal(), ButtonType.OK), "save-refused");
            } else if (!verdict.existing().isEmpty()) {
                Alert question = Dialogs.alert(owner, Alert.AlertType.CONFIRMATION,
                        I18n.t("save.replace", String.join(", ", verdict.existing())), ButtonType.OK, ButtonType.CANCEL);
                question.setTitle(I18n.t("save.replace.title"));
                question.getDialogPane().setId("save-replace");
                question.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> save.accept(chosen));
            } else {
                save.accept(chosen);
            }
        });
    }

    /** The outcome of the check: a refusal to show, or the names of existing files to ask about. */
    record Verdict(String refusal, List<String> existing) {}

    /** Off the FX thread: the guard on the chosen file and its companions. */
    static Verdict check(Path chosen, Path dataFolder, List<Path> companions) {
        List<Path> all = new ArrayList<>();
        all.add(chosen);
        all.addAll(companions);
        List<String> existing = new ArrayList<>();
        for (Path p : all) {
            OutputFiles.Problem problem = OutputFiles.problem(p, dataFolder);
            if (problem == OutputFiles.Problem.INSIDE_DATA_FOLDER) {
                return new Verdict(I18n.t("save.refused.dataFolder", dataFolder.toAbsolutePath().toString()), List.of());
            }
            if (problem == OutputFiles.Problem.NOT_A_FILE) return new Verdict(I18n.t("save.refused.notAFile", p.toString()), List.of());
            if (problem == OutputFiles.Problem.EXISTS) existing.add(String.valueOf(p.getFileName()));
        }
        return new Verdict(null, existing);
    }

    private static void show(Alert alert, String id) {
        alert.getDialogPane().setId(id);
        alert.show();
    }
}
