CREATE TABLE "consent_wordings" (
	"study_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"hash" text NOT NULL,
	"wording_version" text,
	"language" text,
	"text" text NOT NULL,
	"first_recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_wordings_study_id_kind_hash_pk" PRIMARY KEY("study_id","kind","hash")
);
--> statement-breakpoint
CREATE TABLE "reconsent_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"granted" boolean,
	CONSTRAINT "reconsent_recipients_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "reconsent_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"wording_version" text NOT NULL,
	"wording" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "wording_hash" text;--> statement-breakpoint
ALTER TABLE "consent_wordings" ADD CONSTRAINT "consent_wordings_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsent_recipients" ADD CONSTRAINT "reconsent_recipients_request_id_reconsent_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."reconsent_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsent_recipients" ADD CONSTRAINT "reconsent_recipients_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsent_recipients" ADD CONSTRAINT "reconsent_recipients_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsent_requests" ADD CONSTRAINT "reconsent_requests_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reconsent_recipients_request_participant_uq" ON "reconsent_recipients" USING btree ("request_id","participant_id");--> statement-breakpoint
CREATE INDEX "reconsent_recipients_participant_idx" ON "reconsent_recipients" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reconsent_requests_study_kind_version_uq" ON "reconsent_requests" USING btree ("study_id","kind","wording_version");--> statement-breakpoint
-- Hand-added (drizzle-kit cannot express data): consents recorded before this migration get the hash of their wording, and each distinct wording its row.
UPDATE "consents" SET "wording_hash" = encode(sha256(convert_to("wording_text", 'UTF8')), 'hex') WHERE "wording_text" IS NOT NULL;--> statement-breakpoint
INSERT INTO "consent_wordings" ("study_id", "kind", "hash", "wording_version", "language", "text", "first_recorded_at")
SELECT DISTINCT ON ("study_id", "kind", "wording_hash") "study_id", "kind", "wording_hash", "wording_version", "language", "wording_text", "recorded_at"
FROM "consents" WHERE "wording_hash" IS NOT NULL ORDER BY "study_id", "kind", "wording_hash", "recorded_at"
ON CONFLICT DO NOTHING;
