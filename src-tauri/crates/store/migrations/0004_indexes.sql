-- Indexes the bench data set (cargo xtask bench) showed missing: the timeline of a casus
-- scanned every agenda item, decision and export, and the open actions of a team every open
-- action.
CREATE INDEX agenda_items_casus ON agenda_items(casus_id);
CREATE INDEX decisions_casus ON decisions(casus_id);
CREATE INDEX actions_meeting ON actions(meeting_id);
CREATE INDEX export_log_casus ON export_log(casus_id);
