package org.haven.gui.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.testing.FxWait.until;

import java.nio.file.Path;
import java.util.EnumSet;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.shell.MainWindow;
import org.haven.core.db.OfficeConnection;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.core.sync.Join;
import org.haven.core.sync.ServiceCertificate;
import org.haven.core.sync.SyncServer;
import org.haven.testing.TestHaven;
import org.haven.testing.TestPostgres;
import org.haven.testing.TestStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A caseworker on her laptop (joined to a real office: PostgreSQL behind `haven serve`) sees in the
 * status bar that a registration waits to be sent, presses Sync now, types her password, and the line
 * says when it synced, with nothing waiting.
 */
@ExtendWith(ApplicationExtension.class)
class SyncStatusBarUiTest {
    static final char[] PASSWORD = "secret-pass-123".toCharArray();
    @TempDir static Path dir;
    static SyncServer server;
    static Path laptop;
    Haven carla;
    MainWindow window;

    /** The office, its service and the joined laptop, before the window (TestFX gives its start only seconds). */
    @BeforeAll
    static void officeAndLaptop() {
        OfficeConnection office = TestPostgres.newDatabase();
        Path officeHome = dir.resolve("office");
        try (Haven h = Haven.create(officeHome, office, "boss", PASSWORD)) {
            Accounts.addUser(h.unlocked(), "carla", "Carla Reyes", EnumSet.of(Role.CASEWORKER), PASSWORD);
        }
        ServiceCertificate cert = ServiceCertificate.inFolder(officeHome);
        server = SyncServer.start(officeHome, office, 0, cert);
        laptop = dir.resolve("laptop");
        Join.join(laptop, "https://localhost:" + server.port(), cert.fingerprint(), "carla", PASSWORD);
        try (Haven carla = Haven.login(laptop, "carla", PASSWORD)) {
            carla.cases().register(TestHaven.newCase(TestHaven.person("Lan Pham", null))); // offline, at a shelter
        }
    }

    @AfterAll
    static void stopService() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        carla = Haven.login(laptop, "carla", PASSWORD);
        window = TestStage.mainWindow(stage, carla, 1024, 700);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
        carla.close();
    }

    @Test
    void aWaitingRegistrationIsSentWithSyncNowAndTheLineSaysWhen(FxRobot robot) {
        until(() -> robot.lookup("#syncLine").tryQuery().isPresent() && line(robot).getText().contains(I18n.t("sync.status.never")));
        assertThat(line(robot).getText()).contains(I18n.t("sync.status.waiting", 1).replace("1", ""));

        robot.clickOn("#syncNow");
        until(() -> robot.lookup("#syncPassword").tryQuery().isPresent());
        robot.clickOn("#syncPassword").write(new String(PASSWORD)).type(KeyCode.ENTER);

        String lastSynced = I18n.t("sync.status.last", "").strip();
        until(() -> line(robot).getText().startsWith(lastSynced));
        assertThat(line(robot).getText()).as("nothing waits any more").doesNotContain("·");
        assertThat(robot.lookup("#syncProblem").queryAs(Label.class).isVisible()).isFalse();
    }

    private static Label line(FxRobot robot) {
        return robot.lookup("#syncLine").queryAs(Label.class);
    }
}
