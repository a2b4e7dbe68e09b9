package org.haven.gui.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Locks the window after a time without input (and on Ctrl+L / Cmd+L): an opaque overlay covers
 * the whole scene and the content is made invisible (not blurred), then the password is asked.
 * Nothing is rebuilt: the content stays in the scene graph, so the user returns exactly where they
 * were, with unsaved input intact.
 *
 * <p>The scene's root is wrapped once in a StackPane (content below, overlay above); if the
 * application later sets another root, it is wrapped the same way.
 */
public final class AutoLock {
    public static final KeyCombination LOCK_KEYS = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

    private final Scene scene;
    private final Function<char[], Boolean> verifyPassword;
    private final StackPane host = new StackPane();
    private final VBox overlay;
    private final PasswordField password = new PasswordField();
    private final Button unlockButton = new Button(I18n.t("autolock.unlock"));
    private final Label error = new org.haven.gui.toolkit.WrappingLabel();
    private final PauseTransition idle;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(false);
    private final List<Parent> hiddenOtherWindows = new ArrayList<>();
    private Parent content;
    private Node focusBeforeLock;
    private boolean rewrapping;
    private boolean disposed;
    private Runnable detach = () -> {};

    private AutoLock(Scene scene, Duration idleTime, Function<char[], Boolean> verifyPassword) {
        this.scene = scene;
        this.verifyPassword = verifyPassword;
        this.idle = new PauseTransition(idleTime);
        this.idle.setOnFinished(e -> lock());
        this.overlay = buildOverlay();
    }

    /**
     * Installs the lock on a scene. {@code verifyPassword} re-checks the current user's password
     * (e.g. {@code pw -> Accounts.verifyPassword(unlocked, pw)}); it is called off the FX thread.
     */
    public static AutoLock install(Scene scene, Duration idleTime, Function<char[], Boolean> verifyPassword) {
        AutoLock lock = new AutoLock(scene, idleTime, verifyPassword);
        lock.wrap(scene.getRoot());
        scene.rootProperty().addListener((obs, old, now) -> {
            if (!lock.rewrapping && now != lock.host) lock.wrap(now);
        });
        EventHandler<InputEvent> activity = e -> {
            if (!lock.locked.get() && !lock.disposed) lock.idle.playFromStart();
        };
        scene.addEventFilter(InputEvent.ANY, activity);
        // While locked, no keyboard shortcut of the application may act on the hidden content.
        scene.addEventFilter(KeyEvent.ANY, lock::blockShortcutsWhileLocked);
        scene.getAccelerators().put(LOCK_KEYS, lock::lock);
        lock.idle.playFromStart();
        return lock;
    }

    /** Like {@link #install(Scene, Duration, Function)}, and also locks when the window is minimized. */
    public static AutoLock install(Stage stage, Duration idleTime, Function<char[], Boolean> verifyPassword) {
        AutoLock lock = install(stage.getScene(), idleTime, verifyPassword);
        javafx.beans.value.ChangeListener<Boolean> minimized = (obs, was, now) -> {
            if (now) lock.lock();
        };
        stage.iconifiedProperty().addListener(minimized);
        lock.detach = () -> stage.iconifiedProperty().removeListener(minimized);
        return lock;
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public boolean isLocked() {
        return locked.get();
    }

    /** Changes the idle time (e.g. after the setting was changed). */
    public void setIdleTime(Duration idleTime) {
        idle.setDuration(idleTime);
        if (!locked.get() && !disposed) idle.playFromStart();
    }

    /** Stops for good when the session ends (log out): no more timer, no lock on minimize. */
    public void dispose() {
        disposed = true;
        idle.stop();
        detach.run();
    }

    /** Locks now. */
    public void lock() {
        if (locked.get() || disposed) return;
        idle.stop();
        focusBeforeLock = scene.getFocusOwner();
        content.setVisible(false);
        // Dialogs and other windows of the application are hidden too.
        for (Window w : Window.getWindows()) {
            if (w != scene.getWindow() && w.isShowing() && w.getScene() != null && w.getScene().getRoot().isVisible()) {
                w.getScene().getRoot().setVisible(false);
                hiddenOtherWindows.add(w.getScene().getRoot());
            }
        }
        error.setText("");
        password.clear();
        setBusy(false);
        overlay.setVisible(true);
        password.requestFocus();
        locked.set(true); // last: whoever listens sees the window already covered
    }

    private void unlock() {
        overlay.setVisible(false);
        password.clear();
        content.setVisible(true);
        for (Parent p : hiddenOtherWindows) p.setVisible(true);
        hiddenOtherWindows.clear();
        locked.set(false);
        if (focusBeforeLock != null && focusBeforeLock.getScene() == scene) focusBeforeLock.requestFocus();
        focusBeforeLock = null;
        idle.playFromStart();
    }

    private void tryUnlock() {
        if (password.getText().isEmpty()) return;
        char[] typed = password.getText().toCharArray();
        password.clear();
        setBusy(true);
        error.setText(I18n.t("autolock.checking"));
        FxTasks.run(() -> {
            try {
                return Boolean.TRUE.equals(verifyPassword.apply(typed));
            } finally {
                Arrays.fill(typed, '\0');
            }
        }, ok -> {
            setBusy(false);
            if (ok) {
                unlock();
            } else {
                error.setText(I18n.t("autolock.wrong"));
                password.requestFocus();
            }
        }, failure -> {
            setBusy(false);
            error.setText(FxTasks.userMessage(failure));
            password.requestFocus();
        });
    }

    private void setBusy(boolean busy) {
        password.setDisable(busy);
        unlockButton.setDisable(busy);
    }

    private void blockShortcutsWhileLocked(KeyEvent e) {
        if (!locked.get()) return;
        boolean modified = e.isShortcutDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown();
        boolean pasteOrSelect = e.isShortcutDown() && (e.getCode() == KeyCode.V || e.getCode() == KeyCode.A);
        if (modified && !pasteOrSelect) e.consume();
    }

    private void wrap(Parent root) {
        rewrapping = true;
        try {
            if (root == null || root == host) return;
            scene.setRoot(new Group()); // a scene's root cannot be added to another parent
            content = root;
            host.getChildren().setAll(root, overlay);
            content.setVisible(!locked.get());
            scene.setRoot(host);
        } finally {
            rewrapping = false;
        }
    }

    private VBox buildOverlay() {
        FontIcon icon = new FontIcon("mdi2l-lock");
        icon.setIconSize(48);
        Label title = new Label(I18n.t("autolock.title"));
        title.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold;");
        Label message = new org.haven.gui.toolkit.WrappingLabel(I18n.t("autolock.message"));
        message.setWrapText(true);
        message.setMaxWidth(420);
        password.setPromptText(I18n.t("autolock.password"));
        password.setMaxWidth(320);
        password.setId("autolock-password");
        password.setOnAction(e -> tryUnlock());
        unlockButton.setId("autolock-unlock");
        unlockButton.setDefaultButton(true);
        unlockButton.setOnAction(e -> tryUnlock());
        error.setId("autolock-error");
        error.setWrapText(true);
        error.setMaxWidth(420);
        VBox box = new VBox(14, icon, title, message, password, unlockButton, error);
        box.setAlignment(Pos.CENTER);
        box.setId("autolock-overlay");
        // Opaque: nothing of the window shows through.
        box.setStyle("-fx-background-color: #f0f2f5; -fx-padding: 24;");
        box.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        box.setVisible(false);
        // Clicks never reach the content below.
        box.addEventFilter(javafx.scene.input.MouseEvent.ANY, e -> {
            if (!(e.getTarget() instanceof Node n) || !isInside(n, box)) e.consume();
        });
        return box;
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) if (p == ancestor) return true;
        return false;
    }
}
