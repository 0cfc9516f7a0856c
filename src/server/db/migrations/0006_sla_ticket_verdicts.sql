CREATE TABLE "sla_ticket_verdicts" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"month" text NOT NULL,
	"priority" text,
	"state" text,
	"problem" text,
	"breached" boolean NOT NULL,
	"response_breached" boolean NOT NULL,
	"resolution_breached" boolean NOT NULL,
	"at_risk" boolean NOT NULL,
	"responded_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"response_ms" double precision,
	"resolution_ms" double precision,
	"paused_ms" double precision,
	"response_target_ms" double precision,
	"resolution_target_ms" double precision,
	"left_ms" double precision,
	"reopen_count" integer NOT NULL,
	"report_at" timestamp with time zone,
	"volatile" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_verdict_sets" (
	"engagement_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"inputs" text NOT NULL,
	"measured_at" timestamp with time zone NOT NULL,
	"volatile_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sla_ticket_verdicts" ADD CONSTRAINT "sla_ticket_verdicts_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_ticket_verdicts" ADD CONSTRAINT "sla_ticket_verdicts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_ticket_verdicts" ADD CONSTRAINT "sla_ticket_verdicts_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_verdict_sets" ADD CONSTRAINT "sla_verdict_sets_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_verdict_sets" ADD CONSTRAINT "sla_verdict_sets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_ticket_verdicts_list_idx" ON "sla_ticket_verdicts" USING btree ("org_id","engagement_id","opened_at","ticket_id");--> statement-breakpoint
CREATE INDEX "sla_ticket_verdicts_report_idx" ON "sla_ticket_verdicts" USING btree ("engagement_id","report_at");--> statement-breakpoint
CREATE INDEX "sla_ticket_verdicts_volatile_idx" ON "sla_ticket_verdicts" USING btree ("engagement_id") WHERE "sla_ticket_verdicts"."volatile";