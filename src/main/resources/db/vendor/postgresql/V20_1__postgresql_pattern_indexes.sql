-- PostgreSQL only (Flyway reads this folder on the office database alone). Its ordinary b-tree
-- indexes serve LIKE 'abc%' only under the C collation; these pattern_ops indexes make the search's
-- prefix conditions (a case number typed as is, a word longer than the stored prefixes) index ranges
-- whatever the database's collation.
CREATE INDEX case_file_number_pattern_ix ON case_file (case_number varchar_pattern_ops);
CREATE INDEX search_token_pattern_ix ON search_token (token varchar_pattern_ops);
