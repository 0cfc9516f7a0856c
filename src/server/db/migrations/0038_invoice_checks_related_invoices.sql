ALTER TABLE "invoice_checks" ADD COLUMN "related_invoice_ids" uuid[];--> statement-breakpoint
-- Checks stored before this migration name their other invoices too, found as the checks find
-- them (src/domain/costs/checks.ts: the same vendor; a number equal but for case and spaces; the
-- same date, total and currency under another number; a period overlapping on the same contract,
-- or without one the same engagement; a disputed invoice never counts but for its number), among
-- the invoices stored now.
UPDATE "invoice_checks" AS c
SET "related_invoice_ids" = r.ids
FROM (
  SELECT ch.id, (
    SELECT array_agg(o.id ORDER BY o.created_at, o.id)
    FROM "invoices" AS o
    WHERE o.org_id = i.org_id AND o.vendor_id = i.vendor_id AND o.id <> i.id AND (
      (ch.key = 'duplicate:number' AND lower(regexp_replace(btrim(o.number), '\s+', ' ', 'g')) = lower(regexp_replace(btrim(i.number), '\s+', ' ', 'g')))
      OR (ch.key = 'duplicate:amount-date' AND o.status <> 'disputed' AND o.invoice_date = i.invoice_date AND o.total_minor = i.total_minor AND o.currency = i.currency
          AND lower(regexp_replace(btrim(o.number), '\s+', ' ', 'g')) <> lower(regexp_replace(btrim(i.number), '\s+', ' ', 'g')))
      OR (ch.key = 'period_overlap' AND o.status <> 'disputed' AND o.period_from <= i.period_to AND i.period_from <= o.period_to
          AND CASE WHEN i.contract_id IS NOT NULL THEN o.contract_id = i.contract_id ELSE o.contract_id IS NULL AND o.engagement_id = i.engagement_id END)
    )
  ) AS ids
  FROM "invoice_checks" AS ch
  JOIN "invoices" AS i ON i.org_id = ch.org_id AND i.id = ch.invoice_id
  WHERE ch.key IN ('duplicate:number', 'duplicate:amount-date', 'period_overlap')
) AS r
WHERE c.id = r.id;
