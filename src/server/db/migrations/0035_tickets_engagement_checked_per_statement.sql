ALTER TABLE "tickets" DROP CONSTRAINT "tickets_engagement_same_org_fk";
--> statement-breakpoint
-- A ticket names an engagement of its own organisation. The foreign key checked that row by
-- row: an index probe and a row lock per ticket, about a quarter of the time a COPY of a
-- million tickets takes (docs/PERFORMANCE.md, "Ticket import"). These triggers keep the same
-- guarantee with one check per statement over every row it wrote, and refuse what the key
-- refused on the engagement's side.
CREATE FUNCTION outsight_tickets_engagement_check() RETURNS trigger AS $$
DECLARE
  named int;
  present int;
BEGIN
  SELECT count(*) INTO named FROM (SELECT DISTINCT org_id, engagement_id FROM new_tickets) n;
  -- KEY SHARE, as a foreign key takes: the engagement cannot go or change its key until
  -- this transaction ends.
  SELECT count(*) INTO present FROM (
    SELECT 1 FROM engagements e WHERE (e.org_id, e.id) IN (SELECT org_id, engagement_id FROM new_tickets) FOR KEY SHARE OF e
  ) p;
  IF present < named THEN
    RAISE EXCEPTION 'a ticket names an engagement that is not one of its organisation''s'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'tickets_engagement_same_org';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER tickets_engagement_inserted AFTER INSERT ON tickets
  REFERENCING NEW TABLE AS new_tickets FOR EACH STATEMENT EXECUTE FUNCTION outsight_tickets_engagement_check();
--> statement-breakpoint
-- Fires only when an UPDATE sets org_id or engagement_id, which no import does: their
-- upserts never list them.
CREATE FUNCTION outsight_ticket_engagement_moved() RETURNS trigger AS $$
BEGIN
  IF (NEW.org_id, NEW.engagement_id) IS DISTINCT FROM (OLD.org_id, OLD.engagement_id) THEN
    PERFORM 1 FROM engagements e WHERE e.org_id = NEW.org_id AND e.id = NEW.engagement_id FOR KEY SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'a ticket names an engagement that is not one of its organisation''s'
        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'tickets_engagement_same_org';
    END IF;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER tickets_engagement_moved BEFORE UPDATE OF org_id, engagement_id ON tickets
  FOR EACH ROW EXECUTE FUNCTION outsight_ticket_engagement_moved();
--> statement-breakpoint
-- An engagement with tickets keeps its key and is not deleted, as under the foreign key.
CREATE FUNCTION outsight_engagement_keeps_tickets() RETURNS trigger AS $$
BEGIN
  IF (TG_OP = 'DELETE' OR (NEW.org_id, NEW.id) IS DISTINCT FROM (OLD.org_id, OLD.id))
     AND EXISTS (SELECT 1 FROM tickets t WHERE t.org_id = OLD.org_id AND t.engagement_id = OLD.id) THEN
    RAISE EXCEPTION 'the engagement has tickets'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'tickets_engagement_same_org';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER engagements_keep_tickets BEFORE DELETE OR UPDATE OF org_id, id ON engagements
  FOR EACH ROW EXECUTE FUNCTION outsight_engagement_keeps_tickets();
