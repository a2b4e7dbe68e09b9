package org.haven.testing;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * After each window test, hides every window still showing: a dialog or page that a test left open
 * would otherwise lie on top of the next test's window (all windows share one headless screen), and
 * a click or a lookup by text would reach the old window. The stage goes back to the screen's corner. Registered for every test through the
 * service loader (junit-platform.properties); it acts only on classes that use TestFX.
 */
public final class CloseLeftoverWindows implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        boolean windowTest = AnnotationSupport.findRepeatableAnnotations(context.getRequiredTestClass(), ExtendWith.class).stream()
                .anyMatch(e -> List.of(e.value()).contains(ApplicationExtension.class));
        if (!windowTest) return;
        Stage primary = FxToolkit.registerPrimaryStage(); // the one stage every window test is given
        WaitForAsyncUtils.asyncFx(() -> {
            List.copyOf(Window.getWindows()).forEach(Window::hide);
            // A test that moved the stage (or the login's minimum size) would leave the next test's
            // buttons partly off the screen, where a click cannot reach them.
            primary.setMinWidth(0);
            primary.setMinHeight(0);
            primary.setX(0);
            primary.setY(0);
            primary.setOnCloseRequest(null);
            // Shown again, as the active window: the headless robot sends its clicks and keys there.
            primary.show();
            primary.requestFocus();
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
