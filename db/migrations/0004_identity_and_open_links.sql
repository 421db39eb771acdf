CREATE TABLE "unverified_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"existing_participant_id" uuid NOT NULL,
	"email_encrypted" text,
	"email_hash" text,
	"language" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"rejected_at" timestamp with time zone,
	CONSTRAINT "unverified_contacts_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "pending_contact_encrypted" text;--> statement-breakpoint
ALTER TABLE "unverified_contacts" ADD CONSTRAINT "unverified_contacts_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unverified_contacts" ADD CONSTRAINT "unverified_contacts_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unverified_contacts" ADD CONSTRAINT "unverified_contacts_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unverified_contacts" ADD CONSTRAINT "unverified_contacts_existing_participant_id_participants_id_fk" FOREIGN KEY ("existing_participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unverified_contacts_participant_idx" ON "unverified_contacts" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "unverified_contacts_existing_idx" ON "unverified_contacts" USING btree ("existing_participant_id");--> statement-breakpoint
CREATE INDEX "responses_participant_updated_idx" ON "responses" USING btree ("participant_id","updated_at");