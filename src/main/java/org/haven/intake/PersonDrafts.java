package org.haven.intake;

import static org.haven.db.jooq.Tables.INTAKE_DRAFT_ROW;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;

/**
 * The unsaved intake-grid rows about a person being deleted. Draft rows are not linked to a person
 * (they were never saved), so a row is the person's when its Latin or native name is theirs
 * (compared after Unicode normalisation, trimming and case folding). Used by the deletion, inside
 * its transaction.
 */
public final class PersonDrafts {
    private PersonDrafts() {}

    /** Deletes every draft row (of any user) naming one of {@code names}; returns how many went. */
    public static int deleteRowsNaming(DSLContext tx, String... names) {
        Set<String> wanted = Stream.of(names).filter(Objects::nonNull).map(PersonDrafts::key)
                .filter(k -> !k.isEmpty()).collect(Collectors.toSet());
        if (wanted.isEmpty()) return 0;
        List<UUID> rows = new ArrayList<>();
        for (var r : tx.select(INTAKE_DRAFT_ROW.ID, INTAKE_DRAFT_ROW.CELLS).from(INTAKE_DRAFT_ROW).fetch()) {
            Map<IntakeField, String> values = GridColumn.toValues(DraftRepository.decode(r.value2()));
            String latin = values.get(IntakeField.NAME_LATIN);
            String nativeName = values.get(IntakeField.NAME_NATIVE);
            if ((latin != null && wanted.contains(key(latin))) || (nativeName != null && wanted.contains(key(nativeName)))) {
                rows.add(r.value1());
            }
        }
        if (rows.isEmpty()) return 0;
        return tx.deleteFrom(INTAKE_DRAFT_ROW).where(INTAKE_DRAFT_ROW.ID.in(rows)).execute();
    }

    private static String key(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
