-- A person may be registered with a name in one script only (a Chinese or Khmer police list with
-- no Latin column). Haven then writes a Latin spelling derived from the native name into
-- name_latin, so search, matching, sorting and summaries keep working, and marks it here: the
-- window shows it as "derived", and a typed Latin name replaces it. The native name stays as typed.
ALTER TABLE person ADD COLUMN name_latin_derived BOOLEAN DEFAULT FALSE NOT NULL;
