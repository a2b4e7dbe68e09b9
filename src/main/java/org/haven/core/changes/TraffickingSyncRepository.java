package org.haven.core.changes;

import static org.haven.core.db.jooq.Tables.CASE_HTCDS;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.haven.core.db.Audit;
import org.haven.core.db.jooq.tables.records.CaseFileRecord;
import org.haven.core.db.jooq.tables.records.CaseHtcdsRecord;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The SQL of a case's trafficking details (country of exploitation, recruiter relations, methods of
 * control; table {@code case_htcds}) as they travel: each a field of the case, as SET entries of table
 * {@code case_htcds} keyed by the case, with the case's office version and the same conflict rule as
 * the case's own fields. A case whose three details are all empty has no row, here as in the form.
 */
public final class TraffickingSyncRepository {
    public static final String TABLE = "case_htcds";
    private static final List<Field<String>> SYNCED = List.of(CASE_HTCDS.COUNTRY_OF_EXPLOITATION,
            CASE_HTCDS.RECRUITER_RELATIONS, CASE_HTCDS.METHODS_OF_CONTROL);

    private TraffickingSyncRepository() {}

    /** The case's details row as stored (before and after an edit), or null when none is recorded. */
    public static CaseHtcdsRecord row(DSLContext tx, UUID caseId) {
        return tx.selectFrom(CASE_HTCDS).where(CASE_HTCDS.CASE_ID.eq(caseId)).fetchOne();
    }

    /** Records the details an edit changed in the outbox (and, at the office, the change log). */
    public static void recordEdit(DSLContext tx, UUID userId, UUID caseId, CaseHtcdsRecord before, CaseHtcdsRecord after) {
        // A database on its own has no office to send them to (a laptop cannot join once it has data).
        if (!Outbox.sendsNewRows(tx)) return;
        CaseFileRecord c = CaseSyncRepository.row(tx, caseId);
        if (c == null) return;
        CaseHtcdsRecord empty = tx.newRecord(CASE_HTCDS);
        Set<Field<?>> skipped = new HashSet<>(List.of(CASE_HTCDS.fields()));
        skipped.removeAll(SYNCED);
        Integer base = c.getOfficeVersion();
        Outbox.recordChanges(tx, userId, CASE_HTCDS, caseId, base == null ? 0 : base, c.getPersonId(),
                before == null ? empty : before, after == null ? empty : after, skipped);
    }

    /** A detail by its outbox name, or null when it does not travel. */
    public static Field<String> field(String name) {
        for (Field<String> f : SYNCED) {
            if (f.getName().toLowerCase(Locale.ROOT).equals(name)) return f;
        }
        return null;
    }


    /** The detail as the office holds it now (null when not recorded). */
    public static String value(DSLContext tx, UUID caseId, Field<String> column) {
        return tx.select(column).from(CASE_HTCDS).where(CASE_HTCDS.CASE_ID.eq(caseId)).fetchOne(column);
    }

    /**
     * Writes one detail at the office as a new change: the value, the case's office version raised by
     * one, the change log (with the case, so only those who may see it pull it).
     */
    public static long apply(DSLContext tx, CaseFileRecord c, Field<String> column, String text, UUID opId, String device, UUID userId,
                      OffsetDateTime madeAt) {
        write(tx, c.getId(), column, text, userId);
        int version = CaseSyncRepository.bumpVersion(tx, c.getId());
        return ChangeLog.append(tx, opId, Outbox.Op.SET, TABLE, c.getId(), column.getName().toLowerCase(Locale.ROOT), text,
                version, c.getPersonId(), c.getId(), device, userId, madeAt);
    }

    /** Resolves a conflict of a detail by writing the chosen value as a new change; null when it is not about a detail. */
    public static Long resolve(DSLContext tx, org.haven.core.db.jooq.tables.records.SyncConflictRecord conflict, boolean keepLaptop, UUID userId) {
        if (!TABLE.equals(conflict.getTableName())) return null;
        CaseFileRecord c = CaseSyncRepository.lock(tx, conflict.getCaseId());
        if (c == null) throw org.haven.core.common.HavenException.of(org.haven.core.common.HavenException.Kind.NOT_FOUND, "error.caseGone");
        Field<String> column = field(conflict.getField());
        if (column == null) throw org.haven.core.common.HavenException.of(org.haven.core.common.HavenException.Kind.FAILURE, "error.sync.fieldNotSynced");
        String chosen = keepLaptop ? conflict.getLaptopValue() : value(tx, c.getId(), column);
        return apply(tx, c, column, chosen, org.haven.core.db.Ids.newId(), DeviceCode.of(tx), userId, Audit.now());
    }

    /** On a laptop: one detail as the office now holds it, not into the outbox. False when the case is not here. */
    public static boolean applyPulled(DSLContext tx, UUID caseId, String field, String text, int officeVersion) {
        Field<String> column = field(field);
        if (column == null || CaseSyncRepository.row(tx, caseId) == null) return false;
        write(tx, caseId, column, text, null);
        tx.update(org.haven.core.db.jooq.Tables.CASE_FILE).set(org.haven.core.db.jooq.Tables.CASE_FILE.OFFICE_VERSION, officeVersion)
                .where(org.haven.core.db.jooq.Tables.CASE_FILE.ID.eq(caseId)).execute();
        return true;
    }

    /** Sets one detail, making the row when there is none and removing it when all three are empty. */
    private static void write(DSLContext tx, UUID caseId, Field<String> column, String text, UUID userId) {
        CaseHtcdsRecord row = row(tx, caseId);
        if (row == null) {
            if (text == null) return;
            row = tx.newRecord(CASE_HTCDS);
            row.setCaseId(caseId);
            row.setCreatedAt(Audit.now());
            row.setCreatedBy(userId);
        }
        row.set(column, text);
        row.setUpdatedAt(Audit.now());
        row.setUpdatedBy(userId);
        if (row.getCountryOfExploitation() == null && row.getRecruiterRelations() == null && row.getMethodsOfControl() == null) {
            tx.deleteFrom(CASE_HTCDS).where(CASE_HTCDS.CASE_ID.eq(caseId)).execute();
        } else {
            row.store();
        }
    }
}
