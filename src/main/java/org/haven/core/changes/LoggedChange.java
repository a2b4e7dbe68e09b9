package org.haven.core.changes;

/**
 * One entry of the office's change log as a laptop pulls it (sync/PushJson writes it): the op, the
 * row and field it changed, the new value, the office's version of the row, who made it and when.
 */
public record LoggedChange(long seq, java.util.UUID opId, String op, String table, java.util.UUID rowId, String field,
                           String newValue, Integer officeVersion, String device, java.time.OffsetDateTime madeAt) {}
