CREATE TABLE "status_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"text" text NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"file_name" text,
	"storage_key" text,
	"content_type" text,
	"size_bytes" bigint,
	"sha256" text,
	CONSTRAINT "status_reports_org_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "status_reports_engagement_due_key" UNIQUE("engagement_id","due_on")
);
--> statement-breakpoint
ALTER TABLE "governance_settings" ADD COLUMN "status_report_rrule" text;--> statement-breakpoint
ALTER TABLE "governance_settings" ADD COLUMN "status_report_from" date;--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "status_reports_org_engagement_idx" ON "status_reports" USING btree ("org_id","engagement_id","due_on");