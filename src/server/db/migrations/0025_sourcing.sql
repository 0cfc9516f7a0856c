CREATE TABLE "sourcing_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"proposal_price_minor" bigint,
	"proposal_currency" text,
	"proposal_team" text,
	"proposal_approach" text,
	"proposal_received_on" date,
	"proposal_opened_at" timestamp with time zone,
	"rfi_assessment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sourcing_candidates_org_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "sourcing_candidates_project_vendor_key" UNIQUE("project_id","vendor_id")
);
--> statement-breakpoint
CREATE TABLE "sourcing_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"weight" integer NOT NULL,
	"source" text DEFAULT 'evaluators' NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "sourcing_criteria_org_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "sourcing_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"interviewer_id" uuid,
	"communication" integer NOT NULL,
	"client_feedback" integer NOT NULL,
	"hours_fit" integer NOT NULL,
	"cost_effective" integer NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sourcing_pilots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"engagement_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"sla_target_pct" double precision,
	"deliverables_due_by" date,
	"budget_ceiling_minor" bigint,
	"currency" text NOT NULL,
	"scorecard_threshold" double precision,
	"rationale" text,
	"approver_id" uuid,
	"decided_at" timestamp with time zone,
	"contract_id" uuid,
	"measured" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sourcing_pilots_org_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "sourcing_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"scope" text NOT NULL,
	"goals" text,
	"deliverables" text,
	"success_measures" text,
	"budget_minor" bigint,
	"currency" text NOT NULL,
	"start_on" date,
	"decide_by" date,
	"hours_needed" jsonb,
	"check" jsonb,
	"weights_locked_at" timestamp with time zone,
	"weight_changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"chosen_candidate_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sourcing_projects_org_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "sourcing_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"client" text NOT NULL,
	"contact_name" text NOT NULL,
	"called_on" date NOT NULL,
	"called_by" uuid,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rating" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sourcing_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"evaluator_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sourcing_scores_cell_key" UNIQUE("candidate_id","criterion_id","evaluator_id")
);
--> statement-breakpoint
ALTER TABLE "sourcing_candidates" ADD CONSTRAINT "sourcing_candidates_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_candidates" ADD CONSTRAINT "sourcing_candidates_project_fk" FOREIGN KEY ("org_id","project_id") REFERENCES "public"."sourcing_projects"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_criteria" ADD CONSTRAINT "sourcing_criteria_project_fk" FOREIGN KEY ("org_id","project_id") REFERENCES "public"."sourcing_projects"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_interviews" ADD CONSTRAINT "sourcing_interviews_interviewer_id_users_id_fk" FOREIGN KEY ("interviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_interviews" ADD CONSTRAINT "sourcing_interviews_candidate_fk" FOREIGN KEY ("org_id","candidate_id") REFERENCES "public"."sourcing_candidates"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_pilots" ADD CONSTRAINT "sourcing_pilots_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_pilots" ADD CONSTRAINT "sourcing_pilots_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_pilots" ADD CONSTRAINT "sourcing_pilots_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_pilots" ADD CONSTRAINT "sourcing_pilots_project_fk" FOREIGN KEY ("org_id","project_id") REFERENCES "public"."sourcing_projects"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_pilots" ADD CONSTRAINT "sourcing_pilots_candidate_fk" FOREIGN KEY ("org_id","candidate_id") REFERENCES "public"."sourcing_candidates"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_projects" ADD CONSTRAINT "sourcing_projects_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_references" ADD CONSTRAINT "sourcing_references_called_by_users_id_fk" FOREIGN KEY ("called_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_references" ADD CONSTRAINT "sourcing_references_candidate_fk" FOREIGN KEY ("org_id","candidate_id") REFERENCES "public"."sourcing_candidates"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_scores" ADD CONSTRAINT "sourcing_scores_evaluator_id_users_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_scores" ADD CONSTRAINT "sourcing_scores_candidate_fk" FOREIGN KEY ("org_id","candidate_id") REFERENCES "public"."sourcing_candidates"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_scores" ADD CONSTRAINT "sourcing_scores_criterion_fk" FOREIGN KEY ("org_id","criterion_id") REFERENCES "public"."sourcing_criteria"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sourcing_candidates_project_idx" ON "sourcing_candidates" USING btree ("org_id","project_id");--> statement-breakpoint
CREATE INDEX "sourcing_criteria_project_idx" ON "sourcing_criteria" USING btree ("org_id","project_id","position");--> statement-breakpoint
CREATE INDEX "sourcing_interviews_candidate_idx" ON "sourcing_interviews" USING btree ("org_id","candidate_id");--> statement-breakpoint
CREATE INDEX "sourcing_pilots_org_status_idx" ON "sourcing_pilots" USING btree ("org_id","status","ends_on");--> statement-breakpoint
CREATE INDEX "sourcing_projects_org_created_idx" ON "sourcing_projects" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "sourcing_references_candidate_idx" ON "sourcing_references" USING btree ("org_id","candidate_id");