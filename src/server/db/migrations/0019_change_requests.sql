CREATE TABLE "change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"contract_id" uuid,
	"title" text NOT NULL,
	"reason" text NOT NULL,
	"scope" text NOT NULL,
	"raised_by" text NOT NULL,
	"raised_by_user_id" uuid,
	"currency" text NOT NULL,
	"one_off_minor" bigint DEFAULT 0 NOT NULL,
	"recurring_minor" bigint DEFAULT 0 NOT NULL,
	"recurring_months" integer DEFAULT 0 NOT NULL,
	"schedule_days" integer DEFAULT 0 NOT NULL,
	"deliverable_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"milestone_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"decided_by" uuid,
	"decided_on" date,
	"decision_note" text,
	"implemented_on" date,
	"budget_id" uuid,
	"budget_added_minor" bigint,
	"contract_value_before_minor" bigint,
	"contract_value_after_minor" bigint,
	"amendments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"internal_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "change_requests_org_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "change_request_id" uuid;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_raised_by_user_id_users_id_fk" FOREIGN KEY ("raised_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_contract_fk" FOREIGN KEY ("org_id","contract_id") REFERENCES "public"."contracts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "change_requests_org_engagement_idx" ON "change_requests" USING btree ("org_id","engagement_id","created_at");--> statement-breakpoint
CREATE INDEX "change_requests_org_vendor_idx" ON "change_requests" USING btree ("org_id","vendor_id","created_at");--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_change_request_fk" FOREIGN KEY ("org_id","change_request_id") REFERENCES "public"."change_requests"("org_id","id") ON DELETE no action ON UPDATE no action;