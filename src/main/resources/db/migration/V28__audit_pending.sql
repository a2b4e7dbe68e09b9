-- Issue 15: on the office database an audit entry is written with its change into this table, and
-- sealed into the hash chain (audit_log, audit_head) right after the commit, in one short transaction
-- that seals every entry waiting (docs/adr/0020-audit-chain-sealed-after-commit.md). Twenty people
-- saving at once then no longer wait for one another's disk writes on the chain's head. The embedded
-- database still appends to the chain in the change's own transaction and leaves this table empty.
CREATE TABLE audit_pending (
  id         UUID         PRIMARY KEY,
  at         TIMESTAMP WITH TIME ZONE NOT NULL,
  user_id    UUID,
  username   VARCHAR(64),
  action     VARCHAR(40)  NOT NULL,
  entity     VARCHAR(30),
  entity_id  UUID,
  detail     VARCHAR(500)
);
