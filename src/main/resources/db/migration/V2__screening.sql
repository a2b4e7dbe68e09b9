-- Haven schema v2: screening interviews against the eleven ILO indicators of forced labour,
-- with consent per purpose and structured recruitment/exploitation values (HTCDS picklists).
-- Portable SQL (H2 and PostgreSQL): app-made UUID v7 keys, created/updated columns.

-- One interview. A case may be screened more than once; is_latest marks the one that counts,
-- so the case list filters on it with an index instead of a "max per group" query.
CREATE TABLE screening (
  id                       UUID         PRIMARY KEY,
  case_id                  UUID         NOT NULL,
  interview_date           DATE         NOT NULL,
  interpreter_used         BOOLEAN      NOT NULL DEFAULT FALSE,
  interview_language       VARCHAR(50),
  suggested_determination  VARCHAR(20)  NOT NULL,
  determination            VARCHAR(20)  NOT NULL,
  override_reason          VARCHAR(1000),
  consent_given_by         VARCHAR(30)  NOT NULL,
  consent_given_on         DATE         NOT NULL,
  is_latest                BOOLEAN      NOT NULL,
  version                  INTEGER      NOT NULL DEFAULT 0,
  created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by               UUID,
  updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by               UUID,
  CONSTRAINT screening_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
  CONSTRAINT screening_suggested_ck CHECK (suggested_determination IN ('PRESUMED_VICTIM', 'NOT_A_VICTIM', 'UNDETERMINED')),
  CONSTRAINT screening_determination_ck CHECK (determination IN ('PRESUMED_VICTIM', 'NOT_A_VICTIM', 'UNDETERMINED')),
  CONSTRAINT screening_override_ck CHECK (determination = suggested_determination OR override_reason IS NOT NULL),
  CONSTRAINT screening_consent_by_ck CHECK (consent_given_by IN ('PERSON', 'PARENT_OR_GUARDIAN', 'LEGAL_REPRESENTATIVE'))
);
CREATE INDEX screening_case_ix ON screening (case_id, is_latest);

-- One row per indicator and interview: YES / NO / UNKNOWN with an optional note.
CREATE TABLE screening_answer (
  screening_id  UUID         NOT NULL,
  indicator     VARCHAR(40)  NOT NULL,
  answer        VARCHAR(10)  NOT NULL,
  note          VARCHAR(2000),
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by    UUID,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by    UUID,
  CONSTRAINT screening_answer_pk PRIMARY KEY (screening_id, indicator),
  CONSTRAINT screening_answer_screening_fk FOREIGN KEY (screening_id) REFERENCES screening (id) ON DELETE CASCADE,
  CONSTRAINT screening_answer_answer_ck CHECK (answer IN ('YES', 'NO', 'UNKNOWN'))
);

-- Consent per purpose (interview, sharing with each kind of recipient, statistics): granted or not.
CREATE TABLE screening_consent (
  screening_id  UUID         NOT NULL,
  purpose       VARCHAR(40)  NOT NULL,
  granted       BOOLEAN      NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by    UUID,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by    UUID,
  CONSTRAINT screening_consent_pk PRIMARY KEY (screening_id, purpose),
  CONSTRAINT screening_consent_screening_fk FOREIGN KEY (screening_id) REFERENCES screening (id) ON DELETE CASCADE
);

-- Multi-select HTCDS picklists (vic_MethodOfRecruitment, vic_RecruitmentWebsitesAndApps,
-- vic_TypeOfLabourExploitation): one row per chosen value, stored as the Java enum name.
CREATE TABLE screening_choice (
  screening_id  UUID         NOT NULL,
  field         VARCHAR(30)  NOT NULL,
  choice        VARCHAR(40)  NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by    UUID,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by    UUID,
  CONSTRAINT screening_choice_pk PRIMARY KEY (screening_id, field, choice),
  CONSTRAINT screening_choice_screening_fk FOREIGN KEY (screening_id) REFERENCES screening (id) ON DELETE CASCADE,
  CONSTRAINT screening_choice_field_ck CHECK (field IN ('RECRUITMENT_METHOD', 'RECRUITMENT_APP', 'LABOUR_EXPLOITATION'))
);
