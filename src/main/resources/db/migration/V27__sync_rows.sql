-- Issue 16: new rows travel (docs/sync.md). An INSERT entry holds the whole new row as jOOQ's JSON,
-- which can be longer than one field's value; a change of a case's rows names its case, so the
-- office serves it only to accounts that may see that case.
ALTER TABLE sync_outbox DROP CONSTRAINT sync_outbox_field_ck;
ALTER TABLE sync_outbox DROP CONSTRAINT sync_outbox_op_ck;
ALTER TABLE sync_outbox ADD CONSTRAINT sync_outbox_op_ck CHECK (op IN ('SET', 'DELETE', 'INSERT'));
ALTER TABLE sync_outbox ALTER COLUMN new_value SET DATA TYPE VARCHAR(100000);
ALTER TABLE sync_outbox ADD CONSTRAINT sync_outbox_field_ck CHECK (
  (op = 'SET' AND field IS NOT NULL)
  OR (op = 'DELETE' AND field IS NULL AND old_value IS NULL AND new_value IS NULL)
  OR (op = 'INSERT' AND field IS NULL AND old_value IS NULL AND new_value IS NOT NULL));

ALTER TABLE sync_change DROP CONSTRAINT sync_change_op_ck;
ALTER TABLE sync_change ALTER COLUMN new_value SET DATA TYPE VARCHAR(100000);
ALTER TABLE sync_change ADD CONSTRAINT sync_change_op_ck CHECK (op IN ('SET', 'DELETE', 'INSERT'));
ALTER TABLE sync_change ADD COLUMN case_id UUID;
CREATE INDEX sync_change_case_ix ON sync_change (case_id);

-- A case's fields travel too (status, outcome, assignment...): the office's version of the case row,
-- as person.office_version is for a person.
ALTER TABLE case_file ADD COLUMN office_version INTEGER;
