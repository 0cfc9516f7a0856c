DROP INDEX "sla_ticket_verdicts_report_idx";--> statement-breakpoint
ALTER TABLE "sla_verdict_sets" ADD COLUMN "counts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "sla_verdict_sets" ADD COLUMN "tallies" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "sla_ticket_verdicts_breached_idx" ON "sla_ticket_verdicts" USING btree ("org_id","engagement_id","opened_at","ticket_id") WHERE "sla_ticket_verdicts"."breached";--> statement-breakpoint
CREATE INDEX "sla_ticket_verdicts_at_risk_idx" ON "sla_ticket_verdicts" USING btree ("org_id","engagement_id","opened_at","ticket_id") WHERE "sla_ticket_verdicts"."at_risk";--> statement-breakpoint
CREATE INDEX "sla_ticket_verdicts_open_idx" ON "sla_ticket_verdicts" USING btree ("org_id","engagement_id","opened_at","ticket_id") WHERE "sla_ticket_verdicts"."state" IN ('open', 'paused');--> statement-breakpoint
CREATE INDEX "sla_ticket_verdicts_problem_idx" ON "sla_ticket_verdicts" USING btree ("org_id","engagement_id","opened_at","ticket_id") WHERE "sla_ticket_verdicts"."problem" IS NOT NULL;