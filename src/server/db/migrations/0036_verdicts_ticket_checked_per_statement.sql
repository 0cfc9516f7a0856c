ALTER TABLE "sla_ticket_verdicts" DROP CONSTRAINT "sla_ticket_verdicts_ticket_id_tickets_id_fk";
--> statement-breakpoint
ALTER TABLE "sla_ticket_verdicts" DROP CONSTRAINT "sla_ticket_verdicts_org_id_orgs_id_fk";
--> statement-breakpoint
ALTER TABLE "sla_ticket_verdicts" DROP CONSTRAINT "sla_ticket_verdicts_engagement_id_engagements_id_fk";
--> statement-breakpoint
-- A verdict is of a ticket of its own engagement and organisation, and goes when its ticket
-- goes. Three foreign keys checked that row by row, each ticket's row locked too: about half
-- the time a million verdicts took to store (docs/PERFORMANCE.md). These triggers check each
-- statement's new verdicts at once, more strictly than the keys did (the ticket must be of
-- the verdict's engagement), and delete a deleted ticket's verdicts as the cascade did.
CREATE FUNCTION outsight_verdicts_ticket_check() RETURNS trigger AS $$
DECLARE
  pair record;
BEGIN
  -- KEY SHARE on the engagement: a ticket delete takes the engagement FOR UPDATE (below), so
  -- it waits for this store to end and then deletes what it stored.
  FOR pair IN SELECT DISTINCT org_id, engagement_id FROM new_verdicts LOOP
    PERFORM 1 FROM engagements e WHERE e.org_id = pair.org_id AND e.id = pair.engagement_id FOR KEY SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'an SLA verdict names an engagement that is not one of its organisation''s'
        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'sla_ticket_verdicts_ticket';
    END IF;
  END LOOP;
  IF EXISTS (
    SELECT 1 FROM new_verdicts n
    WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = n.ticket_id AND t.org_id = n.org_id AND t.engagement_id = n.engagement_id)
  ) THEN
    RAISE EXCEPTION 'an SLA verdict names a ticket that is not of its engagement'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'sla_ticket_verdicts_ticket';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER sla_ticket_verdicts_inserted AFTER INSERT ON sla_ticket_verdicts
  REFERENCING NEW TABLE AS new_verdicts FOR EACH STATEMENT EXECUTE FUNCTION outsight_verdicts_ticket_check();
--> statement-breakpoint
-- Verdicts are replaced, never moved to another ticket or engagement.
CREATE FUNCTION outsight_verdict_not_moved() RETURNS trigger AS $$
BEGIN
  IF (NEW.ticket_id, NEW.org_id, NEW.engagement_id) IS DISTINCT FROM (OLD.ticket_id, OLD.org_id, OLD.engagement_id) THEN
    RAISE EXCEPTION 'an SLA verdict cannot move to another ticket'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'sla_ticket_verdicts_ticket';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER sla_ticket_verdicts_not_moved BEFORE UPDATE OF ticket_id, org_id, engagement_id ON sla_ticket_verdicts
  FOR EACH ROW EXECUTE FUNCTION outsight_verdict_not_moved();
--> statement-breakpoint
-- The cascade: a deleted ticket's verdict goes with it. The engagements are taken FOR UPDATE
-- first, so a store of their verdicts in flight (KEY SHARE, above) ends before, and one that
-- starts after finds the tickets gone.
CREATE FUNCTION outsight_tickets_deleted() RETURNS trigger AS $$
BEGIN
  PERFORM 1 FROM engagements e WHERE e.id IN (SELECT engagement_id FROM old_tickets) FOR UPDATE;
  DELETE FROM sla_ticket_verdicts v WHERE v.ticket_id IN (SELECT id FROM old_tickets);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER tickets_deleted AFTER DELETE ON tickets
  REFERENCING OLD TABLE AS old_tickets FOR EACH STATEMENT EXECUTE FUNCTION outsight_tickets_deleted();
--> statement-breakpoint
-- A ticket with a verdict keeps its id, as under the key.
CREATE FUNCTION outsight_ticket_id_kept() RETURNS trigger AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id AND EXISTS (SELECT 1 FROM sla_ticket_verdicts v WHERE v.ticket_id = OLD.id) THEN
    RAISE EXCEPTION 'the ticket has an SLA verdict'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'sla_ticket_verdicts_ticket';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER tickets_id_kept BEFORE UPDATE OF id ON tickets
  FOR EACH ROW EXECUTE FUNCTION outsight_ticket_id_kept();
