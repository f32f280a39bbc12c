-- Schema v2: the casus life (issue 3): attendance facts per casus, note sharing, and one
-- full-text index over casussen, notes, decisions and actions inside the encrypted store.

-- What the school entered about a pupil being out of school (DOMAIN.md §4). Weekly hours live
-- in absence_snapshots; this row holds the facts the thuiszitter rule needs.
CREATE TABLE casus_attendance (
    casus_id          TEXT PRIMARY KEY REFERENCES casussen(id),
    absent_since      TEXT,
    reported_sick     INTEGER NOT NULL DEFAULT 0 CHECK (reported_sick IN (0,1)),
    duo_reported_on   TEXT,
    exemption_5a_from TEXT,
    updated_at        TEXT NOT NULL
) STRICT;

-- Which school holidays apply (noord, midden, zuid), for the meldplicht count.
ALTER TABLE schools ADD COLUMN holiday_region TEXT NOT NULL DEFAULT 'midden'
    CHECK (holiday_region IN ('noord','midden','zuid'));

-- Verbal consent names who heard it; that person need not be a member.
ALTER TABLE consents ADD COLUMN recorded_by_name TEXT;

-- A preparation note stays private to its author until shared; the moment is kept.
ALTER TABLE notes ADD COLUMN shared_at TEXT;
CREATE INDEX notes_author ON notes(author_member_id);
CREATE INDEX casussen_converted_from ON casussen(converted_from_id);
CREATE INDEX audit_entity ON audit_events(entity_id);

-- One document per searchable record. `doc` is the rowid of its text in search_text, so an
-- edit replaces exactly one FTS row without scanning the index.
CREATE TABLE search_docs (
    doc        INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('casus','note','decision','action')),
    entity_id  TEXT NOT NULL UNIQUE,
    casus_id   TEXT,
    author_id  TEXT,
    visibility TEXT NOT NULL CHECK (visibility IN ('private','team'))
) STRICT;
CREATE INDEX search_docs_casus ON search_docs(casus_id);

CREATE VIRTUAL TABLE search_text USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');

-- Casussen: the hulpvraag, and the pupil's name and class (or the pseudonym).
CREATE TRIGGER search_casus_insert AFTER INSERT ON casussen BEGIN
    INSERT INTO search_docs (kind, entity_id, casus_id, visibility) VALUES ('casus', NEW.id, NEW.id, 'team');
    INSERT INTO search_text (rowid, body) VALUES (last_insert_rowid(),
        NEW.hulpvraag || ' ' || coalesce(
            (SELECT given_name || ' ' || family_name || ' ' || class_name FROM pupils WHERE id = NEW.pupil_id),
            NEW.pseudonym, ''));
END;
CREATE TRIGGER search_casus_update AFTER UPDATE OF hulpvraag, pseudonym, pupil_id ON casussen BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT doc FROM search_docs WHERE entity_id = NEW.id);
    INSERT INTO search_text (rowid, body) VALUES ((SELECT doc FROM search_docs WHERE entity_id = NEW.id),
        NEW.hulpvraag || ' ' || coalesce(
            (SELECT given_name || ' ' || family_name || ' ' || class_name FROM pupils WHERE id = NEW.pupil_id),
            NEW.pseudonym, ''));
END;

-- Notes: facts and opinions; a private note is found by its author only.
CREATE TRIGGER search_note_insert AFTER INSERT ON notes BEGIN
    INSERT INTO search_docs (kind, entity_id, casus_id, author_id, visibility)
        VALUES ('note', NEW.id, NEW.casus_id, NEW.author_member_id, NEW.visibility);
    INSERT INTO search_text (rowid, body) VALUES (last_insert_rowid(), NEW.facts || ' ' || NEW.opinions);
END;
CREATE TRIGGER search_note_update AFTER UPDATE OF facts, opinions, visibility ON notes BEGIN
    UPDATE search_docs SET visibility = NEW.visibility WHERE entity_id = NEW.id;
    DELETE FROM search_text WHERE rowid = (SELECT doc FROM search_docs WHERE entity_id = NEW.id);
    INSERT INTO search_text (rowid, body) VALUES ((SELECT doc FROM search_docs WHERE entity_id = NEW.id),
        NEW.facts || ' ' || NEW.opinions);
END;

CREATE TRIGGER search_decision_insert AFTER INSERT ON decisions BEGIN
    INSERT INTO search_docs (kind, entity_id, casus_id, visibility) VALUES ('decision', NEW.id, NEW.casus_id, 'team');
    INSERT INTO search_text (rowid, body) VALUES (last_insert_rowid(), NEW.text);
END;

CREATE TRIGGER search_action_insert AFTER INSERT ON actions BEGIN
    INSERT INTO search_docs (kind, entity_id, casus_id, visibility) VALUES ('action', NEW.id, NEW.casus_id, 'team');
    INSERT INTO search_text (rowid, body) VALUES (last_insert_rowid(), NEW.description || ' ' || coalesce(NEW.feedback, ''));
END;
CREATE TRIGGER search_action_update AFTER UPDATE OF description, feedback ON actions BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT doc FROM search_docs WHERE entity_id = NEW.id);
    INSERT INTO search_text (rowid, body) VALUES ((SELECT doc FROM search_docs WHERE entity_id = NEW.id),
        NEW.description || ' ' || coalesce(NEW.feedback, ''));
END;

-- Records written before this migration are indexed once here.
INSERT INTO search_docs (kind, entity_id, casus_id, visibility) SELECT 'casus', id, id, 'team' FROM casussen;
INSERT INTO search_docs (kind, entity_id, casus_id, author_id, visibility)
    SELECT 'note', id, casus_id, author_member_id, visibility FROM notes;
INSERT INTO search_docs (kind, entity_id, casus_id, visibility) SELECT 'decision', id, casus_id, 'team' FROM decisions;
INSERT INTO search_docs (kind, entity_id, casus_id, visibility) SELECT 'action', id, casus_id, 'team' FROM actions;
INSERT INTO search_text (rowid, body)
    SELECT d.doc, c.hulpvraag || ' ' || coalesce(p.given_name || ' ' || p.family_name || ' ' || p.class_name, c.pseudonym, '')
    FROM search_docs d JOIN casussen c ON c.id = d.entity_id LEFT JOIN pupils p ON p.id = c.pupil_id WHERE d.kind = 'casus';
INSERT INTO search_text (rowid, body)
    SELECT d.doc, n.facts || ' ' || n.opinions FROM search_docs d JOIN notes n ON n.id = d.entity_id WHERE d.kind = 'note';
INSERT INTO search_text (rowid, body)
    SELECT d.doc, x.text FROM search_docs d JOIN decisions x ON x.id = d.entity_id WHERE d.kind = 'decision';
INSERT INTO search_text (rowid, body)
    SELECT d.doc, a.description || ' ' || coalesce(a.feedback, '') FROM search_docs d JOIN actions a ON a.id = d.entity_id WHERE d.kind = 'action';
