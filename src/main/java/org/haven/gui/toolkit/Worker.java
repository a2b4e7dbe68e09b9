package org.haven.gui.toolkit;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * How a view model runs database and file work: in the window as a background {@code Task} whose
 * answer comes back on the FX thread ({@link #FX_TASKS}); in a view model's plain JUnit test at once,
 * on the test's thread ({@link #AT_ONCE}), so each command's effect is there when it returns.
 */
public interface Worker {
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    Worker FX_TASKS = FxTasks::run;

    Worker AT_ONCE = new Worker() {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            T value;
            try {
                value = work.call();
            } catch (Exception e) {
                onError.accept(e);
                return;
            }
            onSuccess.accept(value);
        }
    };
}
