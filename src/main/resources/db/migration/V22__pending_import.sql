-- A large import is committed in parts (issue 14, item 9: the file's size stays bounded between
-- them). While its pending_import row exists the import is unfinished: the next login removes every
-- case it lists (and the people and the operation it created), so users see all of it or none of it.
CREATE TABLE pending_import (
  id             UUID PRIMARY KEY,
  operation_id   UUID    NOT NULL,
  new_operation  BOOLEAN NOT NULL,
  started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  started_by     UUID
);

-- One row per case an unfinished import wrote; person_id only when the import also created the
-- person (a case linked to a person already in Haven leaves the person).
CREATE TABLE pending_import_case (
  import_id  UUID NOT NULL,
  case_id    UUID NOT NULL,
  person_id  UUID,
  CONSTRAINT pending_import_case_pk PRIMARY KEY (import_id, case_id)
);
