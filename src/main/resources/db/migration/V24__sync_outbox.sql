-- Sync with the office (issue 16, docs/adr/0018-sync-model.md, docs/sync.md).
--
-- The outbox: every change made on this device, one row per changed field, written in the same
-- transaction as the change itself, kept until the office has it. Its old and new values are personal
-- data: the table lives in the encrypted database only (never in logs or files), and deleting a person
-- deletes every row whose person_id is theirs (PersonDeletion), leaving only a tombstone (ids, no values).
CREATE TABLE sync_outbox (
  op_id         UUID         PRIMARY KEY,  -- UUID v7 made here: time-ordered, and the office's retry key
  op            VARCHAR(10)  NOT NULL,     -- SET: one field of a row; DELETE: a tombstone for the row
  table_name    VARCHAR(60)  NOT NULL,
  row_id        UUID         NOT NULL,
  field         VARCHAR(60),               -- the column (SET only)
  old_value     VARCHAR(4000),             -- as text: ISO dates, true/false, enum names
  new_value     VARCHAR(4000),
  base_version  INTEGER      NOT NULL,     -- the office's version of the row this change was made on (0: not from the office)
  person_id     UUID,                      -- whose data the values are: a person's deletion erases by it
  device_code   VARCHAR(10)  NOT NULL,
  made_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  made_by       UUID,
  CONSTRAINT sync_outbox_op_ck CHECK (op IN ('SET', 'DELETE')),
  CONSTRAINT sync_outbox_field_ck CHECK ((op = 'SET' AND field IS NOT NULL) OR (op = 'DELETE' AND field IS NULL AND old_value IS NULL AND new_value IS NULL))
);
CREATE INDEX sync_outbox_person_ix ON sync_outbox (person_id);

-- The row version the office assigned to this person, as this device last received it: null for a
-- person the office has not seen (made here, or no office at all). Local edits leave it alone (they
-- raise version, the local optimistic lock); an outbox row's base_version is this value.
ALTER TABLE person ADD COLUMN office_version INTEGER;
