-- Duplicate detection (matching), part 2: each person's names already folded to Latin words, so a
-- lookup scores its candidates without transliterating them again (ICU costs ~0.3 ms per name).
-- One row per person; written with the blocking keys (org.haven.people.matching.MatchIndex).
CREATE TABLE match_name (
  person_id  UUID          PRIMARY KEY,
  variants   VARCHAR(2000) NOT NULL,
  CONSTRAINT match_name_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);

-- People registered before this version: the application builds their rows once.
INSERT INTO app_setting (setting_key, setting_value)
  SELECT 'matching.rebuild.names', 'needed' FROM person HAVING COUNT(*) > 0;
