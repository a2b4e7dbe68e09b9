-- The office's side of sync (issue 16, docs/adr/0018-sync-model.md, docs/sync.md). Only the office
-- database (PostgreSQL) writes these tables; on a laptop they stay empty.
--
-- The change sequence: one counter. A transaction that logs a change takes the counter row's lock
-- until it commits, so change numbers become visible in order and a laptop that pulls "after N" never
-- skips a change that commits late.
CREATE TABLE sync_sequence (
  id        INTEGER PRIMARY KEY,
  last_seq  BIGINT  NOT NULL
);
INSERT INTO sync_sequence (id, last_seq) VALUES (1, 0);

-- The change log: every change the office holds, in sequence order: pushed by a laptop and applied,
-- made at the office itself (the window or the CLI on the office database), or a conflict's
-- resolution. new_value is personal data: a person's deletion erases their rows (PersonDeletion);
-- the tombstone (op DELETE, person_id null, no value) stays so every device deletes them too.
CREATE TABLE sync_change (
  seq             BIGINT       PRIMARY KEY,
  op_id           UUID         NOT NULL,  -- the operation's id (a laptop's op id, or one made at the office)
  op              VARCHAR(10)  NOT NULL,  -- SET or DELETE
  table_name      VARCHAR(60)  NOT NULL,
  row_id          UUID         NOT NULL,
  field           VARCHAR(60),
  new_value       VARCHAR(4000),
  office_version  INTEGER      NOT NULL,  -- the row's office version this change produced
  person_id       UUID,                   -- whose data the value is (null for a tombstone)
  device_code     VARCHAR(10)  NOT NULL,  -- the device the change was made on
  made_by         UUID,
  made_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT sync_change_op_uq UNIQUE (op_id),
  CONSTRAINT sync_change_op_ck CHECK (op IN ('SET', 'DELETE'))
);
CREATE INDEX sync_change_field_ix ON sync_change (table_name, row_id, field, office_version);
CREATE INDEX sync_change_person_ix ON sync_change (person_id);

-- Every operation id a laptop pushed and what the office answered: a retry gets the same answer and
-- applies nothing twice. No values, no person: ids and the outcome only.
CREATE TABLE sync_applied_op (
  op_id        UUID         PRIMARY KEY,
  status       VARCHAR(12)  NOT NULL,  -- applied, conflict, dropped, refused
  seq          BIGINT,                 -- the change it made (applied)
  conflict_ref UUID,                   -- the conflict it opened (conflict)
  device_code  VARCHAR(10)  NOT NULL,
  pushed_by    UUID         NOT NULL,
  pushed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A field changed both on a laptop and at the office: both values kept until a coordinator chooses.
CREATE TABLE sync_conflict (
  id              UUID          PRIMARY KEY,
  person_id       UUID          NOT NULL,
  case_id         UUID          NOT NULL,  -- the case it is shown and flagged on
  table_name      VARCHAR(60)   NOT NULL,
  field           VARCHAR(60)   NOT NULL,
  laptop_value    VARCHAR(4000),
  office_value    VARCHAR(4000),
  laptop_user     UUID          NOT NULL,
  laptop_device   VARCHAR(10)   NOT NULL,
  laptop_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  office_user     UUID,
  office_at       TIMESTAMP WITH TIME ZONE,
  op_id           UUID          NOT NULL,  -- the laptop's operation (the last of its group)
  status          VARCHAR(10)   NOT NULL,  -- OPEN or RESOLVED
  resolution      VARCHAR(10),             -- LAPTOP or OFFICE: whose value was kept
  resolved_by     UUID,
  resolved_at     TIMESTAMP WITH TIME ZONE,
  CONSTRAINT sync_conflict_status_ck CHECK (status IN ('OPEN', 'RESOLVED'))
);
CREATE INDEX sync_conflict_open_ix ON sync_conflict (status, case_id);
CREATE INDEX sync_conflict_person_ix ON sync_conflict (person_id);

-- A case is flagged while it has an open conflict.
-- Nullable (null = false): bulk writers that set every column of a case row need not know it.
ALTER TABLE case_file ADD COLUMN sync_conflict BOOLEAN DEFAULT FALSE;
