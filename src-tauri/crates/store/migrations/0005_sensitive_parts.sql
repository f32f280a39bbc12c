-- Health and safety as their own parts of a minute block, and a category on every decision
-- and action: the visibility rule lets them leave only where released (issue 12).
ALTER TABLE minute_blocks ADD COLUMN health TEXT NOT NULL DEFAULT '';
ALTER TABLE minute_blocks ADD COLUMN safety TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN category TEXT NOT NULL DEFAULT 'school'
    CHECK (category IN ('school','verzuim','gezondheid','gezin','veiligheid'));
ALTER TABLE actions ADD COLUMN category TEXT NOT NULL DEFAULT 'school'
    CHECK (category IN ('school','verzuim','gezondheid','gezin','veiligheid'));

-- A replaced or deleted text is removed from the search index's pages too (SQLite 3.44+),
-- so an autosaved earlier wording is not left behind in the file.
INSERT INTO search_text(search_text, rank) VALUES ('secure-delete', 1);
