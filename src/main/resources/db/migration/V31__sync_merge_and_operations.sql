-- Issue 16: a merge of two person records travels as one MERGE entry (keyed by the merged-away
-- record, the kept record in its value), and an operation's edits travel by the conflict rule with
-- the operation's own office version. A conflict about an operation names no person and no case.
ALTER TABLE sync_outbox DROP CONSTRAINT sync_outbox_field_ck;
ALTER TABLE sync_outbox DROP CONSTRAINT sync_outbox_op_ck;
ALTER TABLE sync_outbox ADD CONSTRAINT sync_outbox_op_ck CHECK (op IN ('SET', 'DELETE', 'INSERT', 'MERGE'));
ALTER TABLE sync_outbox ADD CONSTRAINT sync_outbox_field_ck CHECK (
  (op = 'SET' AND field IS NOT NULL)
  OR (op = 'DELETE' AND field IS NULL AND old_value IS NULL AND new_value IS NULL)
  OR (op IN ('INSERT', 'MERGE') AND field IS NULL AND old_value IS NULL AND new_value IS NOT NULL));

ALTER TABLE sync_change DROP CONSTRAINT sync_change_op_ck;
ALTER TABLE sync_change ADD CONSTRAINT sync_change_op_ck CHECK (op IN ('SET', 'DELETE', 'INSERT', 'MERGE'));

ALTER TABLE operation ADD COLUMN office_version INTEGER;

ALTER TABLE sync_conflict ALTER COLUMN person_id DROP NOT NULL;
ALTER TABLE sync_conflict ALTER COLUMN case_id DROP NOT NULL;
