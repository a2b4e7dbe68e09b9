-- Search as you type at 100,000 cases (docs/benchmarks.md). Every prefix (1 to 24 characters) of
-- every search token (names in both scripts, aliases, case serials), stored per case: a typed word
-- is then one index range that is already in case-number order, the list's order. The first page
-- is the first 50 entries of that range, and several words join on the case number instead of
-- collecting thousands of people and sorting them (which took up to 200 ms for two common words).
-- Written with the search tokens (org.haven.cases.SearchIndex). A whole case number typed as is
-- is matched on case_file.case_number itself.
CREATE TABLE search_prefix (
  prefix       VARCHAR(24) NOT NULL,
  case_number  VARCHAR(40) NOT NULL,
  CONSTRAINT search_prefix_pk PRIMARY KEY (prefix, case_number),
  CONSTRAINT search_prefix_case_fk FOREIGN KEY (case_number) REFERENCES case_file (case_number)
    ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX search_prefix_case_ix ON search_prefix (case_number);

-- Cases registered before this version: the application writes their prefixes once.
INSERT INTO app_setting (setting_key, setting_value)
  SELECT 'search.rebuild', 'needed' FROM case_file HAVING COUNT(*) > 0
  AND NOT EXISTS (SELECT 1 FROM app_setting WHERE setting_key = 'search.rebuild');
