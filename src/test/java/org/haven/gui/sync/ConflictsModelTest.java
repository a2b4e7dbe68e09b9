package org.haven.gui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.Worker;
import org.haven.core.common.HavenException;
import org.haven.core.sync.Conflicts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Conflicts page's state and commands without a window, on a real PostgreSQL office database. */
class ConflictsModelTest {
    @TempDir Path dir;

    @Test
    void aCoordinatorSeesBothValuesKeepsOneAndTheListEmpties() {
        try (Haven office = OfficeConflict.officeWithOneConflict(dir.resolve("office"))) {
            ConflictsModel model = new ConflictsModel(office.conflicts(), Worker.AT_ONCE);
            model.load();
            assertThat(model.open()).hasSize(1);
            Conflicts.Open c = model.open().getFirst();
            assertThat(c.laptopValue()).isEqualTo("B-222");
            assertThat(c.officeValue()).isEqualTo("A-111");
            assertThat(c.laptopDevice()).isEqualTo("K7P");
            assertThat(ConflictsModel.fieldLabel(c.field())).isEqualTo(I18n.t("person.documentNumber"));
            assertThat(model.messageProperty().get()).isEqualTo(I18n.t("conflicts.count", 1));

            model.resolve(c, Conflicts.Keep.LAPTOP);
            assertThat(model.errorProperty().get()).isNull();
            assertThat(model.open()).isEmpty();
            assertThat(model.messageProperty().get()).startsWith(I18n.t("conflicts.resolved", c.caseNumber(),
                    I18n.t("person.documentNumber"), I18n.t("conflicts.laptop"))).endsWith(I18n.t("conflicts.none"));
            assertThat(OfficeConflict.documentNumber(office)).isEqualTo("B-222");
        }
    }

    @Test
    void aConflictSomeoneResolvedMeanwhileIsRefusedAndTheListShowsWhatIsOpenNow() {
        try (Haven office = OfficeConflict.officeWithOneConflict(dir.resolve("office"))) {
            ConflictsModel model = new ConflictsModel(office.conflicts(), Worker.AT_ONCE);
            model.load();
            Conflicts.Open c = model.open().getFirst();
            office.conflicts().resolve(c.id(), Conflicts.Keep.OFFICE); // another coordinator, first
            model.resolve(c, Conflicts.Keep.LAPTOP);
            assertThat(model.errorProperty().get()).isInstanceOf(HavenException.class);
            assertThat(model.open()).isEmpty();
            assertThat(OfficeConflict.documentNumber(office)).isEqualTo("A-111");
        }
    }

    @Test
    void aCaseworkerCannotListOrResolveConflicts() {
        try (Haven office = OfficeConflict.officeWithOneConflict(dir.resolve("office"));
             Haven carla = Haven.login(office.database().home(), office.database().office(), OfficeConflict.CARLA, OfficeConflict.PASSWORD)) {
            ConflictsModel model = new ConflictsModel(carla.conflicts(), Worker.AT_ONCE);
            model.load();
            assertThat(model.errorProperty().get()).isInstanceOf(HavenException.class);
            assertThat(model.open()).isEmpty();
            model.resolve(office.conflicts().open().getFirst(), Conflicts.Keep.LAPTOP);
            assertThat(OfficeConflict.documentNumber(office)).isEqualTo("A-111");
        }
    }

    @Test
    void fieldsAreNamedAsThePersonFormAndTheCasePageNameThem() {
        assertThat(ConflictsModel.fieldLabel("document_number")).isEqualTo(I18n.t("person.documentNumber"));
        assertThat(ConflictsModel.fieldLabel("legal_role")).isEqualTo(I18n.t("case.legalRole"));
        assertThat(ConflictsModel.fieldLabel("assigned_to")).isEqualTo(I18n.t("case.assignedTo"));
        assertThat(ConflictsModel.fieldLabel("country_of_exploitation")).isEqualTo(I18n.t("htcds.country"));
        assertThat(ConflictsModel.fieldLabel("methods_of_control")).isEqualTo(I18n.t("htcds.control"));
        assertThat(ConflictsModel.fieldLabel("no_such_field")).isEqualTo("no_such_field");
    }
}
