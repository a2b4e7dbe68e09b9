-- The case list sorted by name, nationality or date opened at 100,000 cases (docs/benchmarks.md).
-- Sorting by the person's columns made H2 join and sort every case (1.7 s for a page sorted by name).
-- The case row keeps a copy of its person's Latin name and nationality, written with the search
-- tokens (org.haven.cases.SearchIndex), so each sort is a walk of one index in list order.
ALTER TABLE case_file ADD COLUMN person_name VARCHAR(200);
ALTER TABLE case_file ADD COLUMN person_nationality VARCHAR(2);
UPDATE case_file SET person_name = (SELECT person.name_latin FROM person WHERE person.id = case_file.person_id),
  person_nationality = (SELECT person.nationality FROM person WHERE person.id = case_file.person_id);
CREATE INDEX case_file_name_ix ON case_file (person_name, case_number);
CREATE INDEX case_file_nationality_ix ON case_file (person_nationality, case_number);
CREATE INDEX case_file_opened_ix ON case_file (opened_on, case_number);
