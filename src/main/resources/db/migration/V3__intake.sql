-- Intake (issue 3): the unsaved rows of the bulk intake grid. What a caseworker types is kept here,
-- in the encrypted database (never in a plain file), saved on each edit, and offered back after a
-- crash or restart. One draft per operation and user; each row's cells as one CSV-encoded line.
CREATE TABLE intake_draft_row (
  id            UUID PRIMARY KEY,
  operation_id  UUID          NOT NULL,
  user_id       UUID          NOT NULL,
  row_position  INTEGER       NOT NULL,
  cells         VARCHAR(20000) NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by    UUID,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by    UUID,
  CONSTRAINT intake_draft_row_operation_fk FOREIGN KEY (operation_id) REFERENCES operation (id) ON DELETE CASCADE,
  CONSTRAINT intake_draft_row_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX intake_draft_row_owner_ix ON intake_draft_row (operation_id, user_id, row_position);
