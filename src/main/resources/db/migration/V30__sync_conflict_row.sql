-- Issue 16: a conflict about a row that is not the case itself (a timeline entry's field) names that
-- row, so that resolving it writes the chosen value there. NULL for a person's and a case's fields.
-- (V29 is left to the sync bundle's change, made at the same time.)
ALTER TABLE sync_conflict ADD COLUMN row_id UUID;
