ALTER TABLE "mfa_recovery_codes" DROP CONSTRAINT "mfa_recovery_codes_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "mfa_recovery_codes" DROP CONSTRAINT "mfa_recovery_codes_org_id_orgs_id_fk";
--> statement-breakpoint
ALTER TABLE "user_mfa" DROP CONSTRAINT "user_mfa_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "user_mfa" DROP CONSTRAINT "user_mfa_org_id_orgs_id_fk";
--> statement-breakpoint
DROP INDEX "mfa_recovery_codes_user_idx";--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "person_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "person_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "mfa_recovery_codes" ALTER COLUMN "person_id" SET NOT NULL;--> statement-breakpoint
-- Hand-written: drizzle-kit does not drop the old primary key (on user_id) before adding the new one.
ALTER TABLE "user_mfa" DROP CONSTRAINT "user_mfa_pkey";--> statement-breakpoint
ALTER TABLE "user_mfa" ADD PRIMARY KEY ("person_id");--> statement-breakpoint
ALTER TABLE "user_mfa" ALTER COLUMN "person_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "opens_with_password" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "signed_in_with" text DEFAULT 'password' NOT NULL;--> statement-breakpoint
CREATE INDEX "mfa_recovery_codes_person_idx" ON "mfa_recovery_codes" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "password_hash";--> statement-breakpoint
ALTER TABLE "mfa_recovery_codes" DROP COLUMN "user_id";--> statement-breakpoint
ALTER TABLE "mfa_recovery_codes" DROP COLUMN "org_id";--> statement-breakpoint
ALTER TABLE "user_mfa" DROP COLUMN "user_id";--> statement-breakpoint
ALTER TABLE "user_mfa" DROP COLUMN "org_id";--> statement-breakpoint
-- Hand-written: sessions of vendor contacts may have come from e-mailed links; count them as such.
UPDATE "sessions" SET "signed_in_with" = 'link' FROM "users" WHERE "users"."id" = "sessions"."user_id" AND "users"."role" = 'vendor_contact';--> statement-breakpoint
-- Hand-written: vendor contacts made from an address, who never chose a password, come in by links only.
UPDATE "users" SET "opens_with_password" = false FROM "people" WHERE "people"."id" = "users"."person_id" AND "users"."role" = 'vendor_contact' AND "people"."password_hash" IS NULL;
