-- Files that are organisation-wide settings (the organisation's logo), kept inside the encrypted
-- database like every other setting: app_setting's values are short text, a logo is up to 1 MB.
CREATE TABLE app_setting_file (
  setting_key  VARCHAR(100) PRIMARY KEY,
  media_type   VARCHAR(40)  NOT NULL,
  width        INTEGER      NOT NULL,
  height       INTEGER      NOT NULL,
  content      BYTEA        NOT NULL
);
