ALTER TABLE "evidence" ADD COLUMN "shared_with_vendor" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- What the vendor could already see stays visible: its own uploads, and documents attached to its questionnaires.
UPDATE "evidence" SET "shared_with_vendor" = true WHERE "assessment_id" IS NOT NULL OR EXISTS (SELECT 1 FROM "users" AS uploader WHERE uploader."id" = "evidence"."uploaded_by" AND uploader."vendor_id" = "evidence"."vendor_id");
