-- A team's casus list counts each casus's open actions. With the index on casus_id alone that
-- count read every action row of the team from the table (about 25 pages a team on the bench
-- data set), each page decrypted and checked on a cold cache; with the status in the index the
-- count is answered from the index alone. The new index serves every lookup by casus too.
CREATE INDEX actions_casus_status ON actions(casus_id, status);
DROP INDEX actions_casus;
