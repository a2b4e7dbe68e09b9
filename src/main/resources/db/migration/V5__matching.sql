-- Duplicate detection (matching). Portable SQL (H2 and PostgreSQL).

-- Blocking keys: per person, the word-pair and joined-name keys of every form of their names
-- (see org.haven.people.matching.NameKeys). A lookup scores only the people sharing a key.
CREATE TABLE match_key (
  mkey       VARCHAR(60) NOT NULL,
  person_id  UUID        NOT NULL,
  CONSTRAINT match_key_pk PRIMARY KEY (mkey, person_id),
  CONSTRAINT match_key_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
CREATE INDEX match_key_person_ix ON match_key (person_id);

-- "This is someone else": pairs a caseworker decided are two different people (lower id first).
CREATE TABLE match_distinct (
  person_a    UUID NOT NULL,
  person_b    UUID NOT NULL,
  decided_by  UUID,
  decided_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT match_distinct_pk PRIMARY KEY (person_a, person_b),
  CONSTRAINT match_distinct_a_fk FOREIGN KEY (person_a) REFERENCES person (id) ON DELETE CASCADE,
  CONSTRAINT match_distinct_b_fk FOREIGN KEY (person_b) REFERENCES person (id) ON DELETE CASCADE
);
CREATE INDEX match_distinct_b_ix ON match_distinct (person_b);

-- People registered before this version have no keys yet: ask the application to build them once.
INSERT INTO app_setting (setting_key, setting_value)
  SELECT 'matching.rebuild', 'needed' FROM person HAVING COUNT(*) > 0;
