-- Schema v1: the whole Kernteam domain. Landed migrations are never edited; add a new file.
-- Times are UTC ISO-8601 text; dates are ISO dates; ids are UUIDv7 text.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE organisations (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('school','leerplicht','jgz','cjg','smw','swv','overig')),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE schools (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('PO','VO','SO','VSO','MBO')),
    region          TEXT,
    retention_years INTEGER NOT NULL DEFAULT 2 CHECK (retention_years BETWEEN 1 AND 20),
    created_at      TEXT NOT NULL
) STRICT;

CREATE TABLE teams (
    id         TEXT PRIMARY KEY,
    school_id  TEXT NOT NULL REFERENCES schools(id),
    name       TEXT NOT NULL,
    cadence    TEXT,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX teams_school ON teams(school_id);

-- A person can sit in several teams (one LPA serves several schools): membership is its own table.
CREATE TABLE members (
    id                       TEXT PRIMARY KEY,
    name                     TEXT NOT NULL,
    email                    TEXT,
    phone                    TEXT,
    organisation_id          TEXT REFERENCES organisations(id),
    is_aandachtsfunctionaris INTEGER NOT NULL DEFAULT 0 CHECK (is_aandachtsfunctionaris IN (0,1)),
    created_at               TEXT NOT NULL
) STRICT;

CREATE TABLE team_members (
    team_id   TEXT NOT NULL REFERENCES teams(id),
    member_id TEXT NOT NULL REFERENCES members(id),
    role      TEXT NOT NULL CHECK (role IN ('voorzitter','notulist','leerplicht','jgz','cjg','smw','swv','mentor','overig')),
    PRIMARY KEY (team_id, member_id, role)
) STRICT;
CREATE INDEX team_members_member ON team_members(member_id);

CREATE TABLE pupils (
    id             TEXT PRIMARY KEY,
    school_id      TEXT NOT NULL REFERENCES schools(id),
    given_name     TEXT NOT NULL,
    family_name    TEXT NOT NULL,
    birth_date     TEXT NOT NULL,
    class_name     TEXT NOT NULL,
    left_school_on TEXT,
    created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE gezag_holders (
    id        TEXT PRIMARY KEY,
    pupil_id  TEXT NOT NULL REFERENCES pupils(id),
    relation  TEXT NOT NULL,
    name      TEXT,
    has_gezag INTEGER NOT NULL DEFAULT 1 CHECK (has_gezag IN (0,1))
) STRICT;
CREATE INDEX gezag_pupil ON gezag_holders(pupil_id);

-- One pupil per casus. Anonymous casussen have no pupil row at all, only a pseudonym and a reason.
CREATE TABLE casussen (
    id                     TEXT PRIMARY KEY,
    team_id                TEXT NOT NULL REFERENCES teams(id),
    pupil_id               TEXT REFERENCES pupils(id),
    mode                   TEXT NOT NULL CHECK (mode IN ('named','anonymous')),
    pseudonym              TEXT,
    anonymous_reason       TEXT,
    status                 TEXT NOT NULL CHECK (status IN ('aangemeld','lopend','afgesloten')),
    hulpvraag              TEXT NOT NULL,
    hulpvraag_category     TEXT,
    urgency                TEXT NOT NULL DEFAULT 'normaal' CHECK (urgency IN ('normaal','hoog','acuut')),
    intake_json            TEXT NOT NULL DEFAULT '{}',
    inbrenger_member_id    TEXT REFERENCES members(id),
    regie_organisation_id  TEXT REFERENCES organisations(id),
    next_review_on         TEXT,
    opened_on              TEXT NOT NULL,
    closed_on              TEXT,
    closure_reason         TEXT,
    closure_outcome        TEXT,
    retention_until        TEXT,
    converted_from_id      TEXT REFERENCES casussen(id),
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    CHECK ((mode = 'named' AND pupil_id IS NOT NULL)
        OR (mode = 'anonymous' AND pupil_id IS NULL AND pseudonym IS NOT NULL AND anonymous_reason IS NOT NULL))
) STRICT;
CREATE INDEX casussen_team_status ON casussen(team_id, status);
CREATE INDEX casussen_pupil ON casussen(pupil_id);

-- Siblings are linked casussen with a shared family note, never one casus.
CREATE TABLE casus_links (
    casus_id        TEXT NOT NULL REFERENCES casussen(id),
    linked_casus_id TEXT NOT NULL REFERENCES casussen(id),
    family_note     TEXT,
    PRIMARY KEY (casus_id, linked_casus_id),
    CHECK (casus_id <> linked_casus_id)
) STRICT;

CREATE TABLE signals (
    id          TEXT PRIMARY KEY,
    casus_id    TEXT NOT NULL REFERENCES casussen(id),
    observed_on TEXT NOT NULL,
    source      TEXT NOT NULL,
    category    TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX signals_casus ON signals(casus_id);

CREATE TABLE consents (
    id                  TEXT PRIMARY KEY,
    casus_id            TEXT NOT NULL REFERENCES casussen(id),
    given_on            TEXT NOT NULL,
    givers_json         TEXT NOT NULL,
    scope_orgs_json     TEXT NOT NULL,
    scope_categories_json TEXT NOT NULL,
    method              TEXT NOT NULL,
    recorded_by         TEXT REFERENCES members(id),
    valid_until         TEXT NOT NULL,
    withdrawn_on        TEXT,
    withdrawn_reason    TEXT,
    created_at          TEXT NOT NULL
) STRICT;
CREATE INDEX consents_casus ON consents(casus_id);

CREATE TABLE notes (
    id               TEXT PRIMARY KEY,
    casus_id         TEXT NOT NULL REFERENCES casussen(id),
    author_member_id TEXT REFERENCES members(id),
    kind             TEXT NOT NULL CHECK (kind IN ('voorbereiding','bespreking','terugkoppeling')),
    category         TEXT NOT NULL CHECK (category IN ('school','verzuim','gezondheid','gezin','veiligheid')),
    visibility       TEXT NOT NULL CHECK (visibility IN ('private','team')),
    facts            TEXT NOT NULL DEFAULT '',
    opinions         TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX notes_casus ON notes(casus_id);

CREATE TABLE absence_snapshots (
    id                 TEXT PRIMARY KEY,
    casus_id           TEXT NOT NULL REFERENCES casussen(id),
    moment             TEXT NOT NULL CHECK (moment IN ('intake','evaluatie','afsluiting')),
    taken_on           TEXT NOT NULL,
    weeks_json         TEXT NOT NULL,
    created_at         TEXT NOT NULL
) STRICT;

CREATE TABLE meetings (
    id         TEXT PRIMARY KEY,
    team_id    TEXT NOT NULL REFERENCES teams(id),
    starts_at  TEXT NOT NULL,
    location   TEXT,
    status     TEXT NOT NULL CHECK (status IN ('gepland','bezig','gesloten','geannuleerd')),
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX meetings_team_start ON meetings(team_id, starts_at);

CREATE TABLE agenda_items (
    id              TEXT PRIMARY KEY,
    meeting_id      TEXT NOT NULL REFERENCES meetings(id),
    position        INTEGER NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('opening','actiereview','casus','nieuw','afsluiting','thema','rondvraag')),
    casus_id        TEXT REFERENCES casussen(id),
    title           TEXT NOT NULL,
    planned_minutes INTEGER,
    spent_seconds   INTEGER NOT NULL DEFAULT 0,
    guest_name      TEXT
) STRICT;
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);

CREATE TABLE attendance (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    member_id  TEXT NOT NULL REFERENCES members(id),
    present    INTEGER NOT NULL CHECK (present IN (0,1)),
    PRIMARY KEY (meeting_id, member_id)
) STRICT;

CREATE TABLE decisions (
    id             TEXT PRIMARY KEY,
    meeting_id     TEXT NOT NULL REFERENCES meetings(id),
    agenda_item_id TEXT REFERENCES agenda_items(id),
    casus_id       TEXT REFERENCES casussen(id),
    text           TEXT NOT NULL,
    created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE actions (
    id                    TEXT PRIMARY KEY,
    casus_id              TEXT REFERENCES casussen(id),
    meeting_id            TEXT REFERENCES meetings(id),
    description           TEXT NOT NULL,
    owner_member_id       TEXT REFERENCES members(id),
    owner_organisation_id TEXT REFERENCES organisations(id),
    due_on                TEXT,
    status                TEXT NOT NULL CHECK (status IN ('open','gedaan','deels','niet_gedaan','vervallen')),
    feedback              TEXT,
    urgent_logged_at      TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
) STRICT;
CREATE INDEX actions_status_due ON actions(status, due_on);
CREATE INDEX actions_casus ON actions(casus_id);

-- Finalised minutes are never changed in place: a correction is a new version.
CREATE TABLE minutes (
    id                TEXT PRIMARY KEY,
    meeting_id        TEXT NOT NULL REFERENCES meetings(id),
    version           INTEGER NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('concept','vastgesteld')),
    correction_reason TEXT,
    body_json         TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    finalised_at      TEXT,
    UNIQUE (meeting_id, version)
) STRICT;
CREATE TRIGGER minutes_final_is_final BEFORE UPDATE ON minutes
WHEN OLD.status = 'vastgesteld'
BEGIN SELECT RAISE(ABORT, 'vastgestelde notulen worden nooit gewijzigd'); END;
CREATE TRIGGER minutes_final_not_deleted BEFORE DELETE ON minutes
WHEN OLD.status = 'vastgesteld'
BEGIN SELECT RAISE(ABORT, 'vastgestelde notulen worden nooit verwijderd'); END;

CREATE TABLE export_log (
    id         TEXT PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    meeting_id TEXT REFERENCES meetings(id),
    casus_id   TEXT REFERENCES casussen(id),
    recipient  TEXT NOT NULL,
    format     TEXT NOT NULL,
    encrypted  INTEGER NOT NULL CHECK (encrypted IN (0,1)),
    sha256     TEXT NOT NULL
) STRICT;

-- Append-only, hash-chained: each row carries the hash of the one before it.
CREATE TABLE audit_events (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity_kind TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'het auditlog is alleen aan te vullen'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'het auditlog is alleen aan te vullen'); END;
