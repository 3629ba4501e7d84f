#pragma once

// The ledger schema, one script per version step; private to core. Step N takes a ledger
// from user_version N-1 to N. Written for SQLite 3.15.2 (SQLCipher 3.4.1): no UPSERT,
// RETURNING, window functions, generated columns or STRICT tables.

#include <array>

namespace ledger::schema {

inline constexpr std::array<const char*, 10> kSteps{
    // 0 -> 1: the foundation.
    R"sql(
CREATE TABLE setting (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE team (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (name <> '')
);
CREATE TABLE role (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (name <> '')
);
CREATE TABLE staff (
    id                  INTEGER PRIMARY KEY,
    employee_id         TEXT NOT NULL UNIQUE CHECK (employee_id <> ''),
    full_name           TEXT NOT NULL,
    email               TEXT NOT NULL DEFAULT '',
    team_id             INTEGER NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
    role_id             INTEGER NOT NULL REFERENCES role(id) ON DELETE RESTRICT,
    start_date          TEXT NOT NULL,
    leave_date          TEXT,
    line_manager_id     TEXT NOT NULL DEFAULT '',
    registration_body   TEXT NOT NULL DEFAULT '' CHECK (registration_body IN ('', 'SWE', 'HCPC', 'NMC')),
    registration_number TEXT NOT NULL DEFAULT '',
    CHECK (leave_date IS NULL OR leave_date >= start_date)
);
CREATE INDEX staff_team ON staff(team_id);
CREATE TABLE module (
    id               INTEGER PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE CHECK (code <> ''),
    title            TEXT NOT NULL,
    renewal_months   INTEGER CHECK (renewal_months IS NULL OR renewal_months BETWEEN 1 AND 999),
    renewal_basis    TEXT NOT NULL DEFAULT 'completion' CHECK (renewal_basis IN ('completion', 'expiry')),
    window_days      INTEGER NOT NULL DEFAULT 90 CHECK (window_days BETWEEN 0 AND 3650),
    due_soon_days    INTEGER NOT NULL DEFAULT 60 CHECK (due_soon_days BETWEEN 0 AND 3650),
    asc_wds_category INTEGER
);
CREATE TABLE requirement (
    id              INTEGER PRIMARY KEY,
    module_id       INTEGER NOT NULL REFERENCES module(id) ON DELETE RESTRICT,
    scope           TEXT NOT NULL CHECK (scope IN ('all', 'team', 'role')),
    value           TEXT NOT NULL DEFAULT '',
    due_within_days INTEGER NOT NULL CHECK (due_within_days BETWEEN 0 AND 3650),
    effective_from  TEXT,
    UNIQUE (module_id, scope, value),
    CHECK ((scope = 'all') = (value = ''))
);
CREATE TABLE completion (
    id           INTEGER PRIMARY KEY,
    staff_id     INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
    module_id    INTEGER NOT NULL REFERENCES module(id) ON DELETE RESTRICT,
    completed_on TEXT NOT NULL,
    expires_on   TEXT CHECK (expires_on IS NULL OR expires_on >= completed_on),
    evidence     TEXT NOT NULL DEFAULT '',
    UNIQUE (staff_id, module_id, completed_on)
);
CREATE INDEX completion_module ON completion(module_id);
CREATE TABLE audit_theme (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL CHECK (title <> ''),
    source    TEXT NOT NULL CHECK (source IN ('case_file_audit', 'complaint', 'ombudsman_finding',
                                              'safeguarding_adults_review', 'peer_challenge', 'cqc')),
    raised_on TEXT NOT NULL,
    priority  TEXT NOT NULL CHECK (priority IN ('low', 'medium', 'high')),
    status    TEXT NOT NULL CHECK (status IN ('open', 'being_addressed', 're_audited', 'closed')),
    notes     TEXT NOT NULL DEFAULT ''
);
CREATE TABLE audit_theme_module (
    theme_id  INTEGER NOT NULL REFERENCES audit_theme(id) ON DELETE CASCADE,
    module_id INTEGER NOT NULL REFERENCES module(id) ON DELETE RESTRICT,
    PRIMARY KEY (theme_id, module_id)
) WITHOUT ROWID;
CREATE TABLE change_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    entity     TEXT NOT NULL,
    record_key TEXT NOT NULL,
    action     TEXT NOT NULL,
    old_values TEXT NOT NULL DEFAULT '',
    new_values TEXT NOT NULL DEFAULT ''
);
CREATE INDEX change_log_record ON change_log(entity, record_key);
)sql",
    // 1 -> 2: a completion can be voided (kept as evidence, no longer counted).
    R"sql(
ALTER TABLE completion ADD COLUMN voided INTEGER NOT NULL DEFAULT 0;
ALTER TABLE completion ADD COLUMN void_reason TEXT NOT NULL DEFAULT '';
)sql",
    // 2 -> 3: the ledger is one file. The journal mode changes from write-ahead log to a
    // rollback journal (outside this script: it cannot change inside a transaction), so a
    // committed write is in the ledger file itself; from schema 3 on, a -wal beside a
    // ledger is never part of it. No table changes.
    R"sql(
SELECT 1;
)sql",
    // 3 -> 4: a complete, compact change log. Each entry names the person it concerns (its
    // subject: the staff member of a staff or completion entry), so that a person's history
    // is found by a link, not by record keys. Each record points to the entries that
    // created it and last changed it (who and when, by a join); a bulk import is one entry
    // (entity and action `import`) that every record it created points to, so that it writes
    // no entry per record. The links of existing records and entries are filled from their
    // keys afterwards (fillSchema4, in C++), so that old ledgers keep their history.
    R"sql(
ALTER TABLE change_log ADD COLUMN subject_id INTEGER REFERENCES staff(id);
CREATE INDEX change_log_subject ON change_log(subject_id) WHERE subject_id IS NOT NULL;
ALTER TABLE staff ADD COLUMN created_change INTEGER REFERENCES change_log(id);
ALTER TABLE staff ADD COLUMN changed_change INTEGER REFERENCES change_log(id);
ALTER TABLE module ADD COLUMN created_change INTEGER REFERENCES change_log(id);
ALTER TABLE module ADD COLUMN changed_change INTEGER REFERENCES change_log(id);
ALTER TABLE requirement ADD COLUMN created_change INTEGER REFERENCES change_log(id);
ALTER TABLE requirement ADD COLUMN changed_change INTEGER REFERENCES change_log(id);
ALTER TABLE completion ADD COLUMN created_change INTEGER REFERENCES change_log(id);
ALTER TABLE completion ADD COLUMN changed_change INTEGER REFERENCES change_log(id);
ALTER TABLE audit_theme ADD COLUMN created_change INTEGER REFERENCES change_log(id);
ALTER TABLE audit_theme ADD COLUMN changed_change INTEGER REFERENCES change_log(id);
)sql",
    // 4 -> 5: many writers. Each editable record carries a version, 1 when added and one more
    // at each save, so that saving over someone else's change is refused (see RecordVersion).
    // Existing records start at 1.
    R"sql(
ALTER TABLE staff ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE module ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE requirement ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE completion ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE audit_theme ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
)sql",
    // 5 -> 6: sessions and forums (rules/sessions.md). An audit theme gains its natural key
    // (existing themes get `TH-<id>`), a description (what `notes` held), an owner (an
    // employee id, as line_manager_id is) and the source codes `ombudsman` (was
    // `ombudsman_finding`) and `other`: SQLite changes a CHECK only by rebuilding the table,
    // so the theme table and its module links are made again (through tables in the ledger
    // itself, never a temporary file outside its encryption) with their ids, links, change
    // links and versions. Then learning sessions with their target teams and roles, linked
    // themes, the people invited by name, feedback, and each session's action log, in order
    // (seq). A session's status, capacity and bookings are never stored: they are the replay
    // of its log.
    R"sql(
CREATE TABLE theme_links_before AS SELECT theme_id, module_id FROM audit_theme_module;
CREATE TABLE themes_before AS SELECT * FROM audit_theme;
DROP TABLE audit_theme_module;
DROP TABLE audit_theme;
CREATE TABLE audit_theme (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE CHECK (key <> ''),
    title          TEXT NOT NULL CHECK (title <> ''),
    description    TEXT NOT NULL DEFAULT '',
    source         TEXT NOT NULL CHECK (source IN ('case_file_audit', 'complaint', 'ombudsman',
                                                   'safeguarding_adults_review', 'peer_challenge',
                                                   'cqc', 'other')),
    raised_on      TEXT NOT NULL,
    priority       TEXT NOT NULL CHECK (priority IN ('low', 'medium', 'high')),
    status         TEXT NOT NULL CHECK (status IN ('open', 'being_addressed', 're_audited', 'closed')),
    owner_id       TEXT NOT NULL DEFAULT '',
    created_change INTEGER REFERENCES change_log(id),
    changed_change INTEGER REFERENCES change_log(id),
    version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
);
INSERT INTO audit_theme (id, key, title, description, source, raised_on, priority, status,
                         owner_id, created_change, changed_change, version)
    SELECT id, 'TH-' || id, title, notes,
           CASE source WHEN 'ombudsman_finding' THEN 'ombudsman' ELSE source END,
           raised_on, priority, status, '', created_change, changed_change, version
    FROM themes_before;
CREATE TABLE audit_theme_module (
    theme_id  INTEGER NOT NULL REFERENCES audit_theme(id) ON DELETE CASCADE,
    module_id INTEGER NOT NULL REFERENCES module(id) ON DELETE RESTRICT,
    PRIMARY KEY (theme_id, module_id)
) WITHOUT ROWID;
INSERT INTO audit_theme_module (theme_id, module_id) SELECT theme_id, module_id FROM theme_links_before;
DROP TABLE theme_links_before;
DROP TABLE themes_before;
CREATE TABLE session (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE CHECK (key <> ''),
    kind           TEXT NOT NULL CHECK (kind IN ('practice_forum', 'nq_session', 'conference',
                                                 'workshop', 'other')),
    title          TEXT NOT NULL CHECK (title <> ''),
    starts_at      TEXT NOT NULL,
    ends_at        TEXT NOT NULL,
    facilitator_id TEXT NOT NULL DEFAULT '',
    speaker        TEXT NOT NULL DEFAULT '',
    organisation   TEXT NOT NULL DEFAULT '',
    capacity       INTEGER CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 1000),
    module_id      INTEGER REFERENCES module(id) ON DELETE RESTRICT,
    created_change INTEGER REFERENCES change_log(id),
    changed_change INTEGER REFERENCES change_log(id),
    version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK (starts_at < ends_at)
);
CREATE INDEX session_starts ON session(starts_at);
CREATE TABLE session_team (
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    team_id    INTEGER NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
    PRIMARY KEY (session_id, team_id)
) WITHOUT ROWID;
CREATE TABLE session_role (
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    role_id    INTEGER NOT NULL REFERENCES role(id) ON DELETE RESTRICT,
    PRIMARY KEY (session_id, role_id)
) WITHOUT ROWID;
CREATE TABLE session_theme (
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    theme_id   INTEGER NOT NULL REFERENCES audit_theme(id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, theme_id)
) WITHOUT ROWID;
CREATE INDEX session_theme_theme ON session_theme(theme_id);
CREATE TABLE session_invitation (
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    staff_id   INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
    PRIMARY KEY (session_id, staff_id)
) WITHOUT ROWID;
CREATE TABLE session_feedback (
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    staff_id   INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
    score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, staff_id)
) WITHOUT ROWID;
CREATE TABLE booking_action (
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL CHECK (seq >= 1),
    at         TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('book', 'cancel', 'apologise', 'attend', 'absent',
                                               'no_show', 'set_capacity', 'cancel_session',
                                               'mark_held')),
    staff_id   INTEGER REFERENCES staff(id) ON DELETE RESTRICT,
    capacity   INTEGER CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 1000),
    reason     TEXT NOT NULL DEFAULT '',
    change_id  INTEGER REFERENCES change_log(id),
    PRIMARY KEY (session_id, seq),
    CHECK ((staff_id IS NULL) = (action IN ('set_capacity', 'cancel_session', 'mark_held')))
) WITHOUT ROWID;
CREATE INDEX booking_action_staff ON booking_action(staff_id) WHERE staff_id IS NOT NULL;
)sql",
    // 6 -> 7: CPD (rules/learning-record.md section 2). Entries keyed (person, date, title),
    // hours as whole hundredths, standards as their `;` list cell, the themes they are linked
    // to, and the session or completion an entry was made from (kept when that goes). Files
    // attached to an entry (evidence) or a completion (certificates) are kept in the ledger
    // itself, with their name, media type, size and SHA-256, up to 25 MiB each.
    R"sql(
CREATE TABLE cpd_entry (
    id                   INTEGER PRIMARY KEY,
    staff_id             INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
    date                 TEXT NOT NULL,
    title                TEXT NOT NULL CHECK (title <> ''),
    type                 TEXT NOT NULL CHECK (type IN ('course', 'e_learning', 'practice_forum',
                              'nq_session', 'supervision', 'reflective_discussion',
                              'reading_research', 'shadowing', 'conference', 'other')),
    hours                INTEGER NOT NULL CHECK (hours BETWEEN 0 AND 100000),
    description          TEXT NOT NULL DEFAULT '',
    learning             TEXT NOT NULL DEFAULT '',
    impact               TEXT NOT NULL DEFAULT '',
    peer_reflection      TEXT NOT NULL DEFAULT '',
    standards            TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL CHECK (status IN ('draft', 'final')),
    source_session_id    INTEGER REFERENCES session(id) ON DELETE SET NULL,
    source_completion_id INTEGER REFERENCES completion(id) ON DELETE SET NULL,
    created_change       INTEGER REFERENCES change_log(id),
    changed_change       INTEGER REFERENCES change_log(id),
    version              INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    UNIQUE (staff_id, date, title),
    CHECK (source_session_id IS NULL OR source_completion_id IS NULL)
);
CREATE INDEX cpd_entry_date ON cpd_entry(date);
CREATE TABLE cpd_entry_theme (
    cpd_entry_id INTEGER NOT NULL REFERENCES cpd_entry(id) ON DELETE CASCADE,
    theme_id     INTEGER NOT NULL REFERENCES audit_theme(id) ON DELETE CASCADE,
    PRIMARY KEY (cpd_entry_id, theme_id)
) WITHOUT ROWID;
CREATE INDEX cpd_entry_theme_theme ON cpd_entry_theme(theme_id);
CREATE TABLE attachment (
    id            INTEGER PRIMARY KEY,
    cpd_entry_id  INTEGER REFERENCES cpd_entry(id) ON DELETE CASCADE,
    completion_id INTEGER REFERENCES completion(id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (name <> ''),
    media_type    TEXT NOT NULL DEFAULT '',
    size          INTEGER NOT NULL CHECK (size BETWEEN 0 AND 26214400),
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    content       BLOB NOT NULL CHECK (length(content) = size),
    CHECK ((cpd_entry_id IS NULL) <> (completion_id IS NULL))
);
CREATE INDEX attachment_entry ON attachment(cpd_entry_id) WHERE cpd_entry_id IS NOT NULL;
CREATE INDEX attachment_completion ON attachment(completion_id) WHERE completion_id IS NOT NULL;
)sql",
    // 7 -> 8: trusted-assessor authorisations (rules/learning-record.md section 7). A role may
    // sign assessors off (can_sign_off, 0 or 1); the ledger's equipment categories, seeded
    // with section 7's eight; and the authorisations, keyed (person, level), categories and
    // refreshers as their `;` list cells in byte order, the signer by employee id.
    R"sql(
ALTER TABLE role ADD COLUMN can_sign_off INTEGER NOT NULL DEFAULT 0 CHECK (can_sign_off IN (0, 1));
CREATE TABLE equipment_category (
    code  TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 40 AND code NOT GLOB '*[^a-z0-9_]*'),
    label TEXT NOT NULL CHECK (label <> '')
) WITHOUT ROWID;
INSERT INTO equipment_category (code, label) VALUES
    ('toilet_frames', 'Toilet frames'), ('grab_rails', 'Grab rails'), ('commodes', 'Commodes'),
    ('bathing_equipment', 'Bathing equipment'), ('perching_stools', 'Perching stools'),
    ('chair_raisers', 'Chair raisers'), ('bed_raisers', 'Bed raisers'), ('other', 'Other');
CREATE TABLE trusted_assessor (
    id                   INTEGER PRIMARY KEY,
    staff_id             INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
    level                TEXT NOT NULL CHECK (level IN ('level_3', 'level_4', 'in_house')),
    categories           TEXT NOT NULL DEFAULT '',
    trained_on           TEXT NOT NULL,
    observed_assessments INTEGER NOT NULL DEFAULT 0 CHECK (observed_assessments BETWEEN 0 AND 999),
    signed_off_by        TEXT NOT NULL DEFAULT '',
    signed_off_on        TEXT,
    refresher_months     INTEGER NOT NULL DEFAULT 12 CHECK (refresher_months BETWEEN 1 AND 120),
    refreshers           TEXT NOT NULL DEFAULT '',
    restrictions         TEXT NOT NULL DEFAULT '',
    withdrawn_on         TEXT,
    created_change       INTEGER REFERENCES change_log(id),
    changed_change       INTEGER REFERENCES change_log(id),
    version              INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    UNIQUE (staff_id, level),
    CHECK ((signed_off_by = '') = (signed_off_on IS NULL)),
    CHECK (refreshers = '' OR signed_off_on IS NOT NULL)
);
)sql",
    // 8 -> 9: the programmes (rules/learning-record.md sections 5 and 6). An ASYE enrolment
    // per person (assessor and supervisor by employee id, outcomes NULL while there is none)
    // and its supervisions, one a day; apprenticeships keyed (person, standard), planned
    // hours as whole hundredths and breaks as their `;` list cell of periods, with their
    // off-the-job hours and progress reviews, one of each a day.
    R"sql(
CREATE TABLE asye_enrolment (
    id                     INTEGER PRIMARY KEY,
    staff_id               INTEGER NOT NULL UNIQUE REFERENCES staff(id) ON DELETE RESTRICT,
    start_date             TEXT NOT NULL,
    assessor_id            TEXT NOT NULL CHECK (assessor_id <> ''),
    supervisor_id          TEXT NOT NULL CHECK (supervisor_id <> ''),
    protected_time_percent INTEGER NOT NULL DEFAULT 10 CHECK (protected_time_percent BETWEEN 0 AND 100),
    nine_month_review      TEXT NOT NULL DEFAULT 'no' CHECK (nine_month_review IN ('yes', 'no')),
    extension_months       INTEGER NOT NULL DEFAULT 0 CHECK (extension_months BETWEEN 0 AND 12),
    outcome_3m             TEXT CHECK (outcome_3m IN ('on_track', 'concerns', 'not_held')),
    outcome_6m             TEXT CHECK (outcome_6m IN ('on_track', 'concerns', 'not_held')),
    outcome_9m             TEXT CHECK (outcome_9m IN ('on_track', 'concerns', 'not_held')),
    outcome_final          TEXT CHECK (outcome_final IN ('on_track', 'concerns', 'not_held')),
    outcome                TEXT CHECK (outcome IN ('passed', 'extended', 'not_passed', 'withdrawn')),
    created_change         INTEGER REFERENCES change_log(id),
    changed_change         INTEGER REFERENCES change_log(id),
    version                INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
);
CREATE TABLE supervision (
    id             INTEGER PRIMARY KEY,
    enrolment_id   INTEGER NOT NULL REFERENCES asye_enrolment(id) ON DELETE CASCADE,
    date           TEXT NOT NULL,
    created_change INTEGER REFERENCES change_log(id),
    changed_change INTEGER REFERENCES change_log(id),
    version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    UNIQUE (enrolment_id, date)
);
CREATE TABLE apprenticeship (
    id                    INTEGER PRIMARY KEY,
    staff_id              INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
    standard_code         TEXT NOT NULL CHECK (standard_code GLOB 'ST[0-9][0-9][0-9][0-9]'),
    standard_title        TEXT NOT NULL CHECK (standard_title <> ''),
    provider              TEXT NOT NULL CHECK (provider <> ''),
    start_date            TEXT NOT NULL,
    planned_end_date      TEXT NOT NULL CHECK (planned_end_date > start_date),
    planned_otj_hours     INTEGER NOT NULL CHECK (planned_otj_hours BETWEEN 0 AND 1000000),
    review_interval_weeks INTEGER NOT NULL DEFAULT 12 CHECK (review_interval_weeks BETWEEN 1 AND 52),
    breaks                TEXT NOT NULL DEFAULT '',
    gateway_date          TEXT,
    epa_date              TEXT,
    epa_result            TEXT NOT NULL DEFAULT '' CHECK (epa_result IN ('', 'pass', 'merit',
                               'distinction', 'fail')),
    withdrawn_on          TEXT,
    created_change        INTEGER REFERENCES change_log(id),
    changed_change        INTEGER REFERENCES change_log(id),
    version               INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    UNIQUE (staff_id, standard_code)
);
CREATE TABLE otj_entry (
    id                INTEGER PRIMARY KEY,
    apprenticeship_id INTEGER NOT NULL REFERENCES apprenticeship(id) ON DELETE CASCADE,
    date              TEXT NOT NULL,
    hours             INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 100000),
    created_change    INTEGER REFERENCES change_log(id),
    changed_change    INTEGER REFERENCES change_log(id),
    version           INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    UNIQUE (apprenticeship_id, date)
);
CREATE TABLE apprenticeship_review (
    id                INTEGER PRIMARY KEY,
    apprenticeship_id INTEGER NOT NULL REFERENCES apprenticeship(id) ON DELETE CASCADE,
    date              TEXT NOT NULL,
    outcome           TEXT NOT NULL CHECK (outcome IN ('on_track', 'concerns')),
    notes             TEXT NOT NULL DEFAULT '',
    created_change    INTEGER REFERENCES change_log(id),
    changed_change    INTEGER REFERENCES change_log(id),
    version           INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    UNIQUE (apprenticeship_id, date)
);
)sql",
    // 9 -> 10: how Skills for Care's ASC-WDS training file describes a module (domain.md
    // section 1.1): accredited (1 yes, 0 no, 999 don't know), who delivered it (1 in-house,
    // 2 an external provider), the provider's numeric ASC-WDS code (only for an external
    // provider) and how it was delivered (1 face to face, 2 e-learning). NULL where unset,
    // as every module already held is.
    R"sql(
ALTER TABLE module ADD COLUMN asc_wds_accredited INTEGER
    CHECK (asc_wds_accredited IS NULL OR asc_wds_accredited IN (0, 1, 999));
ALTER TABLE module ADD COLUMN asc_wds_who_delivered INTEGER
    CHECK (asc_wds_who_delivered IS NULL OR asc_wds_who_delivered IN (1, 2));
ALTER TABLE module ADD COLUMN asc_wds_provider INTEGER
    CHECK (asc_wds_provider IS NULL OR (asc_wds_provider BETWEEN 1 AND 99999
                                        AND asc_wds_who_delivered = 2));
ALTER TABLE module ADD COLUMN asc_wds_how_delivered INTEGER
    CHECK (asc_wds_how_delivered IS NULL OR asc_wds_how_delivered IN (1, 2));
)sql",
};

} // namespace ledger::schema
