-- Schema v7: an action moved to another casus (an anonymous consultation converted into a
-- named casus takes its open actions along) is found under the casus it now belongs to. Before
-- this, its search document kept the old casus, so the named casus's search missed it.
CREATE TRIGGER search_action_moves AFTER UPDATE OF casus_id ON actions BEGIN
    UPDATE search_docs SET casus_id = NEW.casus_id WHERE entity_id = NEW.id;
END;

-- Actions moved before this migration follow their casus once here.
UPDATE search_docs SET casus_id = (SELECT a.casus_id FROM actions a WHERE a.id = search_docs.entity_id)
WHERE kind = 'action'
  AND casus_id IS NOT (SELECT a.casus_id FROM actions a WHERE a.id = search_docs.entity_id);
