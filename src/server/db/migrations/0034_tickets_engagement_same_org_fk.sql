-- The unique key first: the foreign key below needs it to exist.
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_org_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "tickets" DROP CONSTRAINT "tickets_org_id_orgs_id_fk";
--> statement-breakpoint
ALTER TABLE "tickets" DROP CONSTRAINT "tickets_engagement_id_engagements_id_fk";
--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_engagement_same_org_fk" FOREIGN KEY ("org_id","engagement_id") REFERENCES "public"."engagements"("org_id","id") ON DELETE no action ON UPDATE no action;
