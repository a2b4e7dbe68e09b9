package org.haven.core.intake;

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
        for (Map.Entry<UUID, String> r : DraftRepository.allRows(tx).entrySet()) {
            Map<IntakeField, String> values = GridColumn.toValues(DraftRepository.decode(r.getValue()));
            String latin = values.get(IntakeField.NAME_LATIN);
            String nativeName = values.get(IntakeField.NAME_NATIVE);
            if ((latin != null && wanted.contains(key(latin))) || (nativeName != null && wanted.contains(key(nativeName)))) {
                rows.add(r.getKey());
            }
        }
        if (rows.isEmpty()) return 0;
        return DraftRepository.deleteRows(tx, rows);
    }

    private static String key(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
