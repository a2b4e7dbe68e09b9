package org.haven.gui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.Worker;
import org.haven.core.db.OfficeConnection;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.core.sync.Join;
import org.haven.core.sync.ServiceCertificate;
import org.haven.core.sync.SyncServer;
import org.haven.testing.TestHaven;
import org.haven.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A laptop's sync line without a window (issue 16: "the window shows when the laptop last synced and
 * how many changes wait, and syncs on a button and when it sees the office"), on a real PostgreSQL
 * office behind a real `haven serve` and a joined laptop.
 */
class SyncStatusModelTest {
    static final String CARLA = "carla";
    static final char[] PASSWORD = "secret-pass-123".toCharArray();
    @TempDir Path dir;

    @Test
    void theLineCountsWaitingChangesAndASyncWithTheRightPasswordSendsThemAndIsRepeatedByItself() throws Exception {
        OfficeConnection office = TestPostgres.newDatabase();
        Path officeHome = dir.resolve("office");
        try (Haven h = Haven.create(officeHome, office, "boss", PASSWORD)) {
            Accounts.addUser(h.unlocked(), CARLA, "Carla Reyes", EnumSet.of(Role.CASEWORKER), PASSWORD);
        }
        ServiceCertificate cert = ServiceCertificate.inFolder(officeHome);
        Path laptop = dir.resolve("laptop");
        SyncServer server = SyncServer.start(officeHome, office, 0, cert);
        try {
            Join.join(laptop, "https://localhost:" + server.port(), cert.fingerprint(), CARLA, PASSWORD);
            try (Haven carla = Haven.login(laptop, CARLA, PASSWORD)) {
                SyncStatusModel model = new SyncStatusModel(carla, Worker.AT_ONCE);
                model.refresh();
                assertThat(model.statusProperty().get().joined()).isTrue();
                assertThat(model.textProperty().get()).isEqualTo(I18n.t("sync.status.never"));

                carla.cases().register(TestHaven.newCase(TestHaven.person("Lan Pham", null)));
                model.refresh();
                int waiting = model.statusProperty().get().waiting();
                assertThat(waiting).as("the registration waits in the outbox").isPositive();
                assertThat(model.textProperty().get()).endsWith(I18n.t("sync.status.waiting", waiting));

                // A wrong password: refused, nothing sent, nothing kept for the automatic sync.
                model.syncNow("not-her-password".toCharArray());
                assertThat(model.problemProperty().get()).startsWith(I18n.t("sync.failed", "").strip());
                assertThat(model.statusProperty().get().waiting()).isEqualTo(waiting);
                assertThat(model.knowsPassword()).isFalse();

                model.syncNow(PASSWORD);
                assertThat(model.problemProperty().get()).isEmpty();
                assertThat(model.outcomeProperty().get()).isEqualTo(I18n.t("sync.done", waiting, 0, 0));
                assertThat(model.statusProperty().get().waiting()).isZero();
                assertThat(model.statusProperty().get().lastSync()).isNotNull();
                assertThat(model.textProperty().get()).startsWith(I18n.t("sync.status.last", "").strip());
                assertThat(model.knowsPassword()).as("kept for this session: the automatic sync").isTrue();

                // With no office to reach, the automatic sync only says so; the new edit waits.
                server.close();
                carla.cases().register(TestHaven.newCase(TestHaven.person("Hoa Le", null)));
                model.syncIfPossible();
                assertThat(model.problemProperty().get()).isNotEmpty();
                assertThat(model.statusProperty().get().waiting()).isPositive();
                assertThat(model.knowsPassword()).as("no connection is not a wrong password").isTrue();

                // The office back: the automatic sync sends it.
                server = SyncServer.start(officeHome, office, server.port(), cert);
                model.syncIfPossible();
                assertThat(model.problemProperty().get()).isEmpty();
                assertThat(model.statusProperty().get().waiting()).isZero();

                model.forgetPassword();
                assertThat(model.knowsPassword()).isFalse();
            }
        } finally {
            server.close();
        }
    }
}
