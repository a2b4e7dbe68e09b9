package org.haven.gui.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseQuery;
import org.haven.core.cases.LegalRole;
import org.haven.gui.cases.NonPunishmentBanner;
import org.haven.gui.cases.ScreeningFilterBox;
import org.haven.core.screening.Answer;
import org.haven.core.screening.Consent;
import org.haven.core.screening.ConsentGiver;
import org.haven.core.screening.ConsentPurpose;
import org.haven.core.screening.Determination;
import org.haven.core.screening.Indicator;
import org.haven.core.screening.IndicatorAnswer;
import org.haven.core.screening.Screening;
import org.haven.testing.TestHaven;
import org.haven.testing.TestStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The filter box for the case list and the non-punishment banner for the case view. */
@ExtendWith(ApplicationExtension.class)
class ScreeningWidgetsTest {
    @TempDir Path dir;
    Haven haven;
    VBox root = new VBox();

    @Start
    void start(Stage stage) {
        haven = TestHaven.create(dir);
        TestStage.show(stage, root, 600, 300);
    }

    @AfterEach
    void close() {
        haven.close();
    }

    @Test
    void filterBoxOffersAnyResultAndEachFilter(FxRobot robot) {
        ScreeningFilterBox box = new ScreeningFilterBox();
        robot.interact(() -> root.getChildren().setAll(box));
        assertThat(box.getValue()).isNull();
        assertThat(box.getItems()).containsExactly(null, CaseQuery.ScreeningFilter.NOT_SCREENED,
                CaseQuery.ScreeningFilter.PRESUMED_VICTIM, CaseQuery.ScreeningFilter.NOT_A_VICTIM, CaseQuery.ScreeningFilter.UNDETERMINED);
        robot.clickOn(box);
        robot.clickOn(I18n.label(CaseQuery.ScreeningFilter.NOT_SCREENED));
        assertThat(box.getValue()).isEqualTo(CaseQuery.ScreeningFilter.NOT_SCREENED);
    }

    @Test
    void bannerShowsOnlyForASuspectScreenedAsPresumedVictim(FxRobot robot) {
        CaseFile c = haven.cases().register(TestHaven.newCase(TestHaven.person("Sok Dara", null)));
        assertThat(NonPunishmentBanner.forCase(haven.cases().open(c.id()))).isNull();
        haven.cases().setLegalRole(c.id(), c.version(), LegalRole.SUSPECT);
        haven.screening().save(Screening.draft(c.id(), LocalDate.now(), true, "Khmer",
                Map.of(Indicator.DECEPTION, new IndicatorAnswer(Indicator.DECEPTION, Answer.YES, null)),
                new Consent(ConsentGiver.PERSON, LocalDate.now(), EnumSet.of(ConsentPurpose.INTERVIEW)), null, null, null,
                Determination.PRESUMED_VICTIM, null));
        Label banner = NonPunishmentBanner.forCase(haven.cases().open(c.id()));
        assertThat(banner).isNotNull();
        assertThat(banner.getText()).isEqualTo(I18n.t("screening.nonPunishment"));
    }
}
