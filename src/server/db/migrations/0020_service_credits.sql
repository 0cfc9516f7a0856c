CREATE TABLE "service_credit_waivers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"month" text NOT NULL,
	"currency" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"reason" text NOT NULL,
	"waived_by" uuid,
	"waived_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_credit_waivers_org_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "service_credit_month" text;--> statement-breakpoint
ALTER TABLE "service_credit_waivers" ADD CONSTRAINT "service_credit_waivers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_credit_waivers" ADD CONSTRAINT "service_credit_waivers_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_credit_waivers" ADD CONSTRAINT "service_credit_waivers_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_credit_waivers" ADD CONSTRAINT "service_credit_waivers_waived_by_users_id_fk" FOREIGN KEY ("waived_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_credit_waivers_month_key" ON "service_credit_waivers" USING btree ("org_id","engagement_id","month");