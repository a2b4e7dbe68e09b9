-- Fewer indexes on the search tables a large import writes most (issue 14, item 9;
-- docs/benchmarks.md). H2 makes its own index for a foreign key when the table has none that fits
-- yet, and V1/V8 declared the foreign key in CREATE TABLE and their own index after it, so on H2
-- search_token had three indexes starting with person_id and search_prefix two on case_number:
-- every insert wrote each of them.
-- search_token: search_token_person_token_ix (V6) serves every lookup by person_id, and on
-- PostgreSQL (which makes no index for a foreign key) the cascade of a person's deletion too.
DROP INDEX search_token_person_ix;
-- search_prefix: dropping the foreign key drops the index H2 made for it; declared again, it uses
-- search_prefix_case_ix, which PostgreSQL needs anyway.
ALTER TABLE search_prefix DROP CONSTRAINT search_prefix_case_fk;
ALTER TABLE search_prefix ADD CONSTRAINT search_prefix_case_fk
  FOREIGN KEY (case_number) REFERENCES case_file (case_number) ON DELETE CASCADE ON UPDATE CASCADE;
