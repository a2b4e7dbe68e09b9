-- Haven schema v1. Portable SQL (H2 and PostgreSQL): app-made UUID v7 keys, no sequences,
-- no identity columns, every row with created/updated timestamps and who made them.

CREATE TABLE app_user (
  id            UUID PRIMARY KEY,
  username      VARCHAR(64)  NOT NULL,
  display_name  VARCHAR(200) NOT NULL,
  roles         VARCHAR(100) NOT NULL,
  active        BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT app_user_username_uk UNIQUE (username)
);

CREATE TABLE operation (
  id              UUID PRIMARY KEY,
  code            VARCHAR(40)  NOT NULL,
  name            VARCHAR(200) NOT NULL,
  operation_date  DATE         NOT NULL,
  province        VARCHAR(100),
  place           VARCHAR(200),
  agencies        VARCHAR(500),
  people_found    INTEGER,
  notes           VARCHAR(4000),
  version         INTEGER      NOT NULL DEFAULT 0,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by      UUID,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by      UUID,
  CONSTRAINT operation_code_uk UNIQUE (code),
  CONSTRAINT operation_people_found_ck CHECK (people_found IS NULL OR people_found >= 0)
);

CREATE TABLE person (
  id                  UUID PRIMARY KEY,
  name_native         VARCHAR(200),
  name_latin          VARCHAR(200) NOT NULL,
  aliases             VARCHAR(500),
  sex                 VARCHAR(30)  NOT NULL,
  birth_date          DATE,
  estimated_age       INTEGER,
  nationality         VARCHAR(2),
  languages           VARCHAR(200),
  interpreter_needed  BOOLEAN      NOT NULL DEFAULT FALSE,
  document_status     VARCHAR(20)  NOT NULL,
  document_number     VARCHAR(50),
  family_contact      VARCHAR(500),
  notes               VARCHAR(4000),
  version             INTEGER      NOT NULL DEFAULT 0,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by          UUID,
  updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by          UUID,
  CONSTRAINT person_sex_ck CHECK (sex IN ('MALE', 'FEMALE', 'TRANSGENDER_NONCONFORMING', 'UNKNOWN')),
  CONSTRAINT person_age_ck CHECK (estimated_age IS NULL OR (estimated_age >= 0 AND estimated_age <= 100)),
  CONSTRAINT person_doc_status_ck CHECK (document_status IN ('NONE', 'HELD', 'CONFISCATED', 'LOST', 'WITH_POLICE', 'WITH_EMBASSY'))
);

-- Folded name, alias and case-number tokens: search as you type is a prefix lookup on this index.
CREATE TABLE search_token (
  token      VARCHAR(200) NOT NULL,
  person_id  UUID         NOT NULL,
  CONSTRAINT search_token_pk PRIMARY KEY (token, person_id),
  CONSTRAINT search_token_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
CREATE INDEX search_token_person_ix ON search_token (person_id);

CREATE TABLE case_file (
  id              UUID PRIMARY KEY,
  case_number     VARCHAR(40)  NOT NULL,
  person_id       UUID         NOT NULL,
  operation_id    UUID,
  assigned_to     UUID,
  status          VARCHAR(30)  NOT NULL,
  outcome         VARCHAR(30),
  closing_reason  VARCHAR(1000),
  legal_role      VARCHAR(20)  NOT NULL DEFAULT 'NONE',
  opened_on       DATE         NOT NULL,
  closed_on       DATE,
  version         INTEGER      NOT NULL DEFAULT 0,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by      UUID,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by      UUID,
  CONSTRAINT case_file_number_uk UNIQUE (case_number),
  CONSTRAINT case_file_person_fk FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT case_file_operation_fk FOREIGN KEY (operation_id) REFERENCES operation (id),
  CONSTRAINT case_file_assigned_fk FOREIGN KEY (assigned_to) REFERENCES app_user (id),
  CONSTRAINT case_file_status_ck CHECK (status IN ('IDENTIFIED', 'SCREENING', 'ASSISTANCE', 'LEGAL_PROCESS', 'RETURN_PENDING', 'CLOSED')),
  CONSTRAINT case_file_outcome_ck CHECK (outcome IS NULL OR outcome IN ('REPATRIATED', 'DEPORTED', 'PROSECUTED_DETAINED', 'LOCALLY_INTEGRATED', 'LOST_CONTACT', 'NOT_A_VICTIM', 'REFERRED')),
  CONSTRAINT case_file_closed_ck CHECK ((status = 'CLOSED' AND outcome IS NOT NULL AND closed_on IS NOT NULL) OR (status <> 'CLOSED' AND outcome IS NULL)),
  CONSTRAINT case_file_legal_role_ck CHECK (legal_role IN ('NONE', 'WITNESS', 'COMPLAINANT', 'SUSPECT'))
);
CREATE INDEX case_file_person_ix ON case_file (person_id);
CREATE INDEX case_file_operation_ix ON case_file (operation_id);
CREATE INDEX case_file_status_ix ON case_file (status, case_number);
CREATE INDEX case_file_assigned_ix ON case_file (assigned_to);

CREATE TABLE case_event (
  id              UUID PRIMARY KEY,
  case_id         UUID         NOT NULL,
  event_type      VARCHAR(30)  NOT NULL,
  event_date      DATE         NOT NULL,
  date_precision  VARCHAR(12)  NOT NULL,
  note            VARCHAR(4000),
  recorded_by     UUID,
  version         INTEGER      NOT NULL DEFAULT 0,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by      UUID,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by      UUID,
  CONSTRAINT case_event_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
  CONSTRAINT case_event_precision_ck CHECK (date_precision IN ('DAY', 'MONTH', 'YEAR', 'APPROXIMATE'))
);
CREATE INDEX case_event_case_ix ON case_event (case_id, event_date);

-- Human case numbers: one counter per prefix (device code and year), so laptops never collide.
CREATE TABLE case_number_counter (
  prefix      VARCHAR(30) PRIMARY KEY,
  next_value  INTEGER     NOT NULL
);

CREATE TABLE app_setting (
  setting_key    VARCHAR(100) PRIMARY KEY,
  setting_value  VARCHAR(2000) NOT NULL
);

-- Append-only, hash-chained: ids and actions only, never personal data.
CREATE TABLE audit_log (
  seq        BIGINT       PRIMARY KEY,
  id         UUID         NOT NULL,
  at         TIMESTAMP WITH TIME ZONE NOT NULL,
  user_id    UUID,
  username   VARCHAR(64),
  action     VARCHAR(40)  NOT NULL,
  entity     VARCHAR(30),
  entity_id  UUID,
  detail     VARCHAR(500),
  prev_hash  VARCHAR(64)  NOT NULL,
  hash       VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_log_entity_ix ON audit_log (entity_id);

-- One row: the chain's head. Updating it first serializes audit writers on its row lock.
CREATE TABLE audit_head (
  id         INTEGER     PRIMARY KEY,
  last_seq   BIGINT      NOT NULL,
  last_hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
