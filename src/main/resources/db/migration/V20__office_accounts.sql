-- The office database (PostgreSQL) has no key file: each account's password is checked against its
-- Argon2id hash here (org.haven.security.PasswordHash). On the embedded database it stays NULL: the
-- key file beside it holds the database key wrapped under each password, and no hash is stored.
ALTER TABLE app_user ADD COLUMN password_hash VARCHAR(300);
