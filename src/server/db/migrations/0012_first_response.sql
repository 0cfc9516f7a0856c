ALTER TABLE "sla_ticket_verdicts" ADD COLUMN "response_measured" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "first_response_source" text;--> statement-breakpoint
-- hand-written: tickets imported from a ServiceNow event log before first-response rules existed
-- had their first response taken from the first status change (often the resolution). Apply the
-- default rule (first update in a status other than New; src/domain/sla/first-response.ts) to them.
UPDATE "tickets" t SET "first_response_source" = 'working-status',
  "first_response_at" = (SELECT to_timestamp(min((e->>0)::bigint) / 1000.0) FROM jsonb_array_elements(t."history") e WHERE lower(btrim(e->>1)) <> 'new')
FROM "ticket_imports" i WHERE i."id" = t."import_id" AND i."format" = 'servicenow-events';
