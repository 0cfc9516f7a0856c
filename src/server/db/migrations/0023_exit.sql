CREATE TABLE "exit_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"drill_id" uuid,
	"title" text NOT NULL,
	"detail" text,
	"status" text DEFAULT 'open' NOT NULL,
	"due_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"holder" text NOT NULL,
	"client_admin_access" boolean DEFAULT false NOT NULL,
	"last_verified_on" date,
	"location" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_drills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"scenario" text NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"participants" text[] DEFAULT '{}'::text[] NOT NULL,
	"results" jsonb NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"triggers" text[] DEFAULT '{}'::text[] NOT NULL,
	"target" text DEFAULT 'in_house' NOT NULL,
	"alternative_name" text,
	"budget_minor" bigint,
	"currency" text,
	"timeline_days" integer,
	"reviewed_on" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"started_on" date,
	"finished_on" date,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_profiles" (
	"org_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"rto_hours" integer,
	"rpo_hours" integer,
	"substitutability" text,
	"substitutability_reason" text,
	"backup_owner_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"runbooks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"days_alone" integer,
	"last_practised_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exit_profiles_org_id_engagement_id_pk" PRIMARY KEY("org_id","engagement_id")
);
--> statement-breakpoint
CREATE TABLE "exit_readiness_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"reason" text NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"steps" jsonb,
	"triggers" text[],
	"weights" jsonb,
	"threshold" integer DEFAULT 50 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_step_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"owner_user_id" uuid,
	"offset_days" integer NOT NULL,
	"evidence" text,
	"status" text DEFAULT 'open' NOT NULL,
	"due_on" date,
	"done_on" date,
	"vendor_note" text,
	"delivered_at" timestamp with time zone,
	"internal_note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_vendor_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"system" text NOT NULL,
	"account" text NOT NULL,
	"mfa_enforced" boolean DEFAULT false NOT NULL,
	"revoked_on" date,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exit_actions" ADD CONSTRAINT "exit_actions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_actions" ADD CONSTRAINT "exit_actions_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_actions" ADD CONSTRAINT "exit_actions_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_actions" ADD CONSTRAINT "exit_actions_drill_id_exit_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."exit_drills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_assets" ADD CONSTRAINT "exit_assets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_assets" ADD CONSTRAINT "exit_assets_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_assets" ADD CONSTRAINT "exit_assets_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_drills" ADD CONSTRAINT "exit_drills_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_drills" ADD CONSTRAINT "exit_drills_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_drills" ADD CONSTRAINT "exit_drills_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_plans" ADD CONSTRAINT "exit_plans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_plans" ADD CONSTRAINT "exit_plans_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_plans" ADD CONSTRAINT "exit_plans_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_profiles" ADD CONSTRAINT "exit_profiles_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_profiles" ADD CONSTRAINT "exit_profiles_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_profiles" ADD CONSTRAINT "exit_profiles_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_readiness_snapshots" ADD CONSTRAINT "exit_readiness_snapshots_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_readiness_snapshots" ADD CONSTRAINT "exit_readiness_snapshots_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_settings" ADD CONSTRAINT "exit_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_step_files" ADD CONSTRAINT "exit_step_files_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_step_files" ADD CONSTRAINT "exit_step_files_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_step_files" ADD CONSTRAINT "exit_step_files_step_id_exit_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."exit_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_step_files" ADD CONSTRAINT "exit_step_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_steps" ADD CONSTRAINT "exit_steps_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_steps" ADD CONSTRAINT "exit_steps_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_steps" ADD CONSTRAINT "exit_steps_plan_id_exit_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."exit_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_steps" ADD CONSTRAINT "exit_steps_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_vendor_accounts" ADD CONSTRAINT "exit_vendor_accounts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_vendor_accounts" ADD CONSTRAINT "exit_vendor_accounts_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_vendor_accounts" ADD CONSTRAINT "exit_vendor_accounts_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exit_actions_org_engagement_idx" ON "exit_actions" USING btree ("org_id","engagement_id","status");--> statement-breakpoint
CREATE INDEX "exit_assets_org_engagement_idx" ON "exit_assets" USING btree ("org_id","engagement_id","kind","name");--> statement-breakpoint
CREATE INDEX "exit_drills_org_engagement_idx" ON "exit_drills" USING btree ("org_id","engagement_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "exit_plans_org_engagement_key" ON "exit_plans" USING btree ("org_id","engagement_id");--> statement-breakpoint
CREATE INDEX "exit_snapshots_org_engagement_idx" ON "exit_readiness_snapshots" USING btree ("org_id","engagement_id","taken_at");--> statement-breakpoint
CREATE INDEX "exit_step_files_org_step_idx" ON "exit_step_files" USING btree ("org_id","step_id");--> statement-breakpoint
CREATE INDEX "exit_steps_org_plan_idx" ON "exit_steps" USING btree ("org_id","plan_id","position");--> statement-breakpoint
CREATE INDEX "exit_steps_org_vendor_idx" ON "exit_steps" USING btree ("org_id","vendor_id");--> statement-breakpoint
CREATE INDEX "exit_vendor_accounts_org_engagement_idx" ON "exit_vendor_accounts" USING btree ("org_id","engagement_id");