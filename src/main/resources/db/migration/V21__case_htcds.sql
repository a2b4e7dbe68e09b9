-- Issue 17: the trafficking details a researcher expects (HTCDS/CTDC) that screening does not give,
-- recorded by the caseworker for a case: where the exploitation took place (ISO 3166 alpha-2, CTDC
-- CountryOfExploitation), how the recruiter was related to the person (CTDC recruiterRelation*), and
-- the HTCDS vic_MethodsOfControl values no screening indicator maps to (e.g. ThreatOfLawEnforcement).
-- One row per case at most; the two multi-selects hold ';'-separated enum names (RecruiterRelation,
-- MethodOfControl), checked by the service on every write and read, so exports need one join only.
CREATE TABLE case_htcds (
  case_id                  UUID PRIMARY KEY,
  country_of_exploitation  VARCHAR(2),
  recruiter_relations      VARCHAR(200),
  methods_of_control       VARCHAR(500),
  created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by               UUID,
  updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by               UUID,
  CONSTRAINT case_htcds_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE
);
