-- A vendor contact (and an invitation for one) is bound to a vendor of its own
-- organisation. The composite keys make the database refuse another organisation's
-- vendor, so the users module need not ask the vendors module (which asks users for
-- internal owners: the check here keeps the two modules out of a cycle).
CREATE UNIQUE INDEX IF NOT EXISTS vendors_org_id_id_idx ON vendors (org_id, id);
--> statement-breakpoint
ALTER TABLE users ADD CONSTRAINT users_vendor_same_org_fk FOREIGN KEY (org_id, vendor_id) REFERENCES vendors (org_id, id);
--> statement-breakpoint
ALTER TABLE invitations ADD CONSTRAINT invitations_vendor_same_org_fk FOREIGN KEY (org_id, vendor_id) REFERENCES vendors (org_id, id);
