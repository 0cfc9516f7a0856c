CREATE TABLE "clause_library" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"builtin_key" text,
	"title" text NOT NULL,
	"guidance" text DEFAULT '' NOT NULL,
	"weak_when" text,
	"position" integer NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clause_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"clause_id" uuid NOT NULL,
	"criticality" text[] DEFAULT '{}'::text[] NOT NULL,
	"data_access" text[] DEFAULT '{}'::text[] NOT NULL,
	"service_type" text[] DEFAULT '{}'::text[] NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clause_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"clause_id" uuid NOT NULL,
	"status" text NOT NULL,
	"weak_reason" text,
	"section" text,
	"page" integer,
	"quote" text,
	"note" text,
	"reviewed_by_id" uuid,
	"reviewed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clause_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"dora_enabled" boolean DEFAULT false NOT NULL,
	"seeded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The composite key must exist before the foreign keys that name it.
CREATE UNIQUE INDEX "clause_library_org_id_key" ON "clause_library" USING btree ("org_id","id");--> statement-breakpoint
ALTER TABLE "clause_library" ADD CONSTRAINT "clause_library_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clause_requirements" ADD CONSTRAINT "clause_requirements_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clause_requirements" ADD CONSTRAINT "clause_requirements_clause_fk" FOREIGN KEY ("org_id","clause_id") REFERENCES "public"."clause_library"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clause_reviews" ADD CONSTRAINT "clause_reviews_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clause_reviews" ADD CONSTRAINT "clause_reviews_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clause_reviews" ADD CONSTRAINT "clause_reviews_contract_fk" FOREIGN KEY ("org_id","contract_id") REFERENCES "public"."contracts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clause_reviews" ADD CONSTRAINT "clause_reviews_clause_fk" FOREIGN KEY ("org_id","clause_id") REFERENCES "public"."clause_library"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clause_settings" ADD CONSTRAINT "clause_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clause_library_org_builtin_key" ON "clause_library" USING btree ("org_id","builtin_key") WHERE "clause_library"."builtin_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "clause_library_org_title_key" ON "clause_library" USING btree ("org_id",lower("title"));--> statement-breakpoint
CREATE INDEX "clause_requirements_org_idx" ON "clause_requirements" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clause_reviews_contract_clause_key" ON "clause_reviews" USING btree ("org_id","contract_id","clause_id");--> statement-breakpoint
CREATE INDEX "clause_reviews_org_clause_idx" ON "clause_reviews" USING btree ("org_id","clause_id");