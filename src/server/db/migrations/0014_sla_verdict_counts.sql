ALTER TABLE "sla_verdict_sets" ADD COLUMN "counts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "sla_verdict_sets" ADD COLUMN "tallies" jsonb DEFAULT '{}'::jsonb NOT NULL;