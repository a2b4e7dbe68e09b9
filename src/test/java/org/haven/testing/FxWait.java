package org.haven.testing;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in window tests for what the user would see: the condition is read on the FX thread, as the window shows it. */
public final class FxWait {
    private FxWait() {}

    /** Waits up to 60 s for {@code condition}. */
    public static void until(BooleanSupplier condition) {
        until(condition, () -> "");
    }

    /** Waits up to 60 s for {@code condition}; at the timeout, says what the window showed ({@code state}). */
    public static void until(BooleanSupplier condition, Supplier<String> state) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (java.util.concurrent.TimeoutException e) {
            String seen;
            try {
                seen = WaitForAsyncUtils.asyncFx(state::get).get(10, TimeUnit.SECONDS);
            } catch (Exception unreadable) {
                seen = "(the window's state could not be read: " + unreadable + ")";
            }
            throw new AssertionError("The window did not reach the expected state in time" + (seen.isEmpty() ? "" : ": " + seen), e);
        }
    }
}
