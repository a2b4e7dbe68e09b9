package org.haven.gui.toolkit;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.haven.core.common.DiskFull;
import org.haven.core.common.HavenException;
import org.haven.core.common.ReadOnlyDataFolderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the UI runs database and file work: off the FX thread in a {@link Task}, with the
 * result (or a readable error) delivered back on the FX thread.
 */
public final class FxTasks {
    private static final Logger LOG = LoggerFactory.getLogger(FxTasks.class);
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "haven-worker");
        t.setDaemon(true);
        return t;
    });

    private FxTasks() {}

    /** Runs {@code work} in the background; {@code onSuccess} and {@code onError} run on the FX thread. */
    public static <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(task.getException()));
        WORKERS.execute(task);
        return task;
    }

    /** Runs a ready-made task (one that reports progress) on the worker pool. */
    public static <T> Task<T> start(Task<T> task) {
        WORKERS.execute(task);
        return task;
    }

    /** Like {@link #run(Callable, Consumer, Consumer)}, showing errors in the standard dialog. */
    public static <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess) {
        return run(work, onSuccess, ErrorDialog::show);
    }

    /** A message the user can act on; never the text of an unexpected exception (it may hold data). */
    public static String userMessage(Throwable error) {
        if (error instanceof ReadOnlyDataFolderException ro) return I18n.t("error.readOnlyFolder", ro.folder().toString());
        if (DiskFull.isCause(error)) return I18n.t("error.diskFull");
        if (error instanceof HavenException he) return he.key() != null ? I18n.t(he.key(), he.args()) : he.getMessage();
        LOG.error("Unexpected failure in background work: {}", error.getClass().getName());
        return I18n.t("error.unexpected", error.getClass().getSimpleName());
    }

    public static void runLater(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run();
        else Platform.runLater(r);
    }
}
