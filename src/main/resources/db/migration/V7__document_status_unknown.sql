-- Police lists rarely say where a person's identity document is: "unknown" is the honest default
-- for imported rows, instead of claiming "no document".
ALTER TABLE person DROP CONSTRAINT person_doc_status_ck;
ALTER TABLE person ADD CONSTRAINT person_doc_status_ck
  CHECK (document_status IN ('NONE', 'HELD', 'CONFISCATED', 'LOST', 'WITH_POLICE', 'WITH_EMBASSY', 'UNKNOWN'));
