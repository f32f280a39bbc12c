-- Schema v3: the year schedule of each kernteam (issue 4). The meetings it generates are rows
-- in `meetings`; the recurrence and its exceptions are kept so the schedule can be edited.
CREATE TABLE meeting_schedules (
    team_id         TEXT PRIMARY KEY REFERENCES teams(id),
    recurrence_json TEXT NOT NULL,
    exceptions_json TEXT NOT NULL DEFAULT '[]',
    updated_at      TEXT NOT NULL
) STRICT;

-- Live meeting mode: one minute block per casus item, autosaved while the meeting runs.
-- Facts are kept apart from analysis and opinions; what may be told to parents/inbrenger too.
CREATE TABLE minute_blocks (
    agenda_item_id   TEXT PRIMARY KEY REFERENCES agenda_items(id),
    facts            TEXT NOT NULL DEFAULT '',
    analysis         TEXT NOT NULL DEFAULT '',
    regie_organisation_id TEXT REFERENCES organisations(id),
    next_review_on   TEXT,
    to_parents       TEXT NOT NULL DEFAULT '',
    updated_at       TEXT NOT NULL
) STRICT;
