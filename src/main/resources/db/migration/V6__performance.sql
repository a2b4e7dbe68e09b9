-- Performance at 100,000 cases (see docs/benchmarks.md).
-- Search as you type probes "does this case's person have a token starting with ...?" while walking
-- the case list in case-number order; this index answers that from the index alone.
CREATE INDEX search_token_person_token_ix ON search_token (person_id, token);
