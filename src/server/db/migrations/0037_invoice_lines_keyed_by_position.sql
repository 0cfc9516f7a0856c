-- An invoice line is known by its invoice and position: its own random id was a second
-- index written at random places for every line, and nothing named a line by it.
ALTER TABLE "invoice_lines" DROP CONSTRAINT "invoice_lines_org_id_orgs_id_fk";
--> statement-breakpoint
ALTER TABLE "invoice_lines" DROP CONSTRAINT "invoice_lines_invoice_fk";
--> statement-breakpoint
ALTER TABLE "invoice_lines" DROP COLUMN "id";
--> statement-breakpoint
DROP INDEX "invoice_lines_position_key";
--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_pkey" PRIMARY KEY("invoice_id","position");
--> statement-breakpoint
-- A line is of an invoice of its own organisation, and goes when its invoice goes. The
-- foreign key checked that row by row, an index probe and a lock per line: with the
-- organisation's key beside it, over half the time a COPY of 100,000 imported lines took
-- (docs/PERFORMANCE.md, "Costs"). These triggers keep the guarantee with one check per
-- statement over every line it wrote, as migration 0035 does for tickets.
CREATE FUNCTION outsight_invoice_lines_invoice_check() RETURNS trigger AS $$
DECLARE
  named int;
  present int;
BEGIN
  SELECT count(*) INTO named FROM (SELECT DISTINCT org_id, invoice_id FROM new_lines) n;
  -- KEY SHARE, as a foreign key takes: the invoice cannot go or change its key until this
  -- transaction ends.
  SELECT count(*) INTO present FROM (
    SELECT 1 FROM invoices i WHERE (i.org_id, i.id) IN (SELECT org_id, invoice_id FROM new_lines) FOR KEY SHARE OF i
  ) p;
  IF present < named THEN
    RAISE EXCEPTION 'an invoice line names an invoice that is not one of its organisation''s'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'invoice_lines_invoice';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_inserted AFTER INSERT ON invoice_lines
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION outsight_invoice_lines_invoice_check();
--> statement-breakpoint
-- Lines are replaced, never moved to another invoice or organisation.
CREATE FUNCTION outsight_invoice_line_not_moved() RETURNS trigger AS $$
BEGIN
  IF (NEW.org_id, NEW.invoice_id) IS DISTINCT FROM (OLD.org_id, OLD.invoice_id) THEN
    RAISE EXCEPTION 'an invoice line cannot move to another invoice'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'invoice_lines_invoice';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_not_moved BEFORE UPDATE OF org_id, invoice_id ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION outsight_invoice_line_not_moved();
--> statement-breakpoint
-- The cascade: a deleted invoice's lines go with it.
CREATE FUNCTION outsight_invoices_deleted() RETURNS trigger AS $$
BEGIN
  DELETE FROM invoice_lines l WHERE l.invoice_id IN (SELECT id FROM old_invoices);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoices_deleted AFTER DELETE ON invoices
  REFERENCING OLD TABLE AS old_invoices FOR EACH STATEMENT EXECUTE FUNCTION outsight_invoices_deleted();
--> statement-breakpoint
-- An invoice with lines keeps its key, as under the foreign key.
CREATE FUNCTION outsight_invoice_key_kept() RETURNS trigger AS $$
BEGIN
  IF (NEW.org_id, NEW.id) IS DISTINCT FROM (OLD.org_id, OLD.id) AND EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = OLD.id) THEN
    RAISE EXCEPTION 'the invoice has lines'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'invoice_lines_invoice';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoices_key_kept BEFORE UPDATE OF org_id, id ON invoices
  FOR EACH ROW EXECUTE FUNCTION outsight_invoice_key_kept();
