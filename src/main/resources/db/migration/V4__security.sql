-- Security (issue 6): password resets by an administrator set a flag the user clears by choosing
-- their own password; the audit view filters by user, action and time.
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;

CREATE INDEX audit_log_at_ix ON audit_log (at);
CREATE INDEX audit_log_user_ix ON audit_log (user_id, at);
CREATE INDEX audit_log_action_ix ON audit_log (action, at);
