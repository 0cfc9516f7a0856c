CREATE TABLE "contract_engagements" (
	"org_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	CONSTRAINT "contract_engagements_contract_id_engagement_id_pk" PRIMARY KEY("contract_id","engagement_id")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"type" text NOT NULL,
	"parent_id" uuid,
	"title" text NOT NULL,
	"reference" text,
	"status" text NOT NULL,
	"signed_on" date,
	"effective_on" date,
	"initial_term_end" date,
	"renewal_kind" text DEFAULT 'none' NOT NULL,
	"renewal_months" integer,
	"notice_unit" text,
	"notice_count" integer,
	"convenience_termination" boolean DEFAULT false NOT NULL,
	"convenience_notice_unit" text,
	"convenience_notice_count" integer,
	"currency" text,
	"total_value_minor" bigint,
	"annual_value_minor" bigint,
	"internal_owner_id" uuid,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "data_access" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
-- The composite key must exist before the foreign keys that name it.
CREATE UNIQUE INDEX "contracts_org_id_key" ON "contracts" USING btree ("org_id","id");--> statement-breakpoint
ALTER TABLE "contract_engagements" ADD CONSTRAINT "contract_engagements_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_engagements" ADD CONSTRAINT "contract_engagements_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_engagements" ADD CONSTRAINT "contract_engagements_contract_fk" FOREIGN KEY ("org_id","contract_id") REFERENCES "public"."contracts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_internal_owner_id_users_id_fk" FOREIGN KEY ("internal_owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_parent_same_org_fk" FOREIGN KEY ("org_id","parent_id") REFERENCES "public"."contracts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_engagements_engagement_idx" ON "contract_engagements" USING btree ("org_id","engagement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_org_reference_key" ON "contracts" USING btree ("org_id","vendor_id",lower("reference")) WHERE "contracts"."reference" is not null;--> statement-breakpoint
CREATE INDEX "contracts_org_vendor_idx" ON "contracts" USING btree ("org_id","vendor_id");--> statement-breakpoint
CREATE INDEX "contracts_org_updated_idx" ON "contracts" USING btree ("org_id","updated_at","id");--> statement-breakpoint
-- An engagement's data access starts as its vendor's (the requirement "a DPA for personal data" reads it).
UPDATE engagements e SET data_access = v.data_access FROM vendors v WHERE v.id = e.vendor_id;
--> statement-breakpoint
-- A contract's vendor and the engagements it covers belong to its own organisation: the database refuses another's.
CREATE UNIQUE INDEX IF NOT EXISTS engagements_org_id_id_idx ON engagements (org_id, id);
--> statement-breakpoint
ALTER TABLE contracts ADD CONSTRAINT contracts_vendor_same_org_fk FOREIGN KEY (org_id, vendor_id) REFERENCES vendors (org_id, id);
--> statement-breakpoint
ALTER TABLE contract_engagements ADD CONSTRAINT contract_engagements_engagement_same_org_fk FOREIGN KEY (org_id, engagement_id) REFERENCES engagements (org_id, id);
