-- Schema v3: the year schedule of each kernteam (issue 4). The meetings it generates are rows
-- in `meetings`; the recurrence and its exceptions are kept so the schedule can be edited.
CREATE TABLE meeting_schedules (
    team_id         TEXT PRIMARY KEY REFERENCES teams(id),
    recurrence_json TEXT NOT NULL,
    exceptions_json TEXT NOT NULL DEFAULT '[]',
    updated_at      TEXT NOT NULL
) STRICT;
