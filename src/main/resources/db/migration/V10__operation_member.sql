-- Issue 14, item 2: which caseworkers a coordinator put on an operation. A caseworker sees the
-- cases assigned to them, the cases they registered, and every case of the operations listed here
-- for them; only a coordinator adds or removes rows (audited). Registering cases under an operation
-- no longer widens access by itself. No backfill: after the upgrade a coordinator adds the members
-- (a caseworker's own and assigned cases stay visible meanwhile).
CREATE TABLE operation_member (
  id            UUID PRIMARY KEY,
  operation_id  UUID NOT NULL,
  user_id       UUID NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by    UUID,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by    UUID,
  CONSTRAINT operation_member_uk UNIQUE (operation_id, user_id),
  CONSTRAINT operation_member_operation_fk FOREIGN KEY (operation_id) REFERENCES operation (id) ON DELETE CASCADE,
  CONSTRAINT operation_member_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX operation_member_user_ix ON operation_member (user_id, operation_id);
