CREATE TABLE "contact_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"wave_id" uuid,
	"contact_point_id" uuid,
	"change" text NOT NULL,
	"detail" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_point_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"participant_id" uuid NOT NULL,
	"contact_point_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "contact_point_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "contact_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value_encrypted" text,
	"value_hash" text NOT NULL,
	"role" text NOT NULL,
	"state" text NOT NULL,
	"consent" boolean DEFAULT true NOT NULL,
	"source" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"last_worked_at" timestamp with time zone,
	"bounced_at" timestamp with time zone,
	"soft_bounce_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participant_details" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"study_id" uuid NOT NULL,
	"country" text,
	"town_encrypted" text,
	"language" text,
	"language_set_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_history" ADD CONSTRAINT "contact_history_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_history" ADD CONSTRAINT "contact_history_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_history" ADD CONSTRAINT "contact_history_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_history" ADD CONSTRAINT "contact_history_contact_point_id_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_point_tokens" ADD CONSTRAINT "contact_point_tokens_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_point_tokens" ADD CONSTRAINT "contact_point_tokens_contact_point_id_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_points" ADD CONSTRAINT "contact_points_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_points" ADD CONSTRAINT "contact_points_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_details" ADD CONSTRAINT "participant_details_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_details" ADD CONSTRAINT "participant_details_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_history_participant_at_idx" ON "contact_history" USING btree ("participant_id","at");--> statement-breakpoint
CREATE INDEX "contact_point_tokens_participant_idx" ON "contact_point_tokens" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_points_participant_value_uq" ON "contact_points" USING btree ("participant_id","kind","value_hash");--> statement-breakpoint
CREATE INDEX "contact_points_study_hash_idx" ON "contact_points" USING btree ("study_id","value_hash");--> statement-breakpoint
-- Every existing contact becomes its participant's primary email point: confirmed (the panel's
-- address as it stands), or bounced when the contact had bounced. The ciphertext and hash are
-- copied as they are (same key, same normalisation).
INSERT INTO "contact_points" ("participant_id", "study_id", "kind", "value_encrypted", "value_hash", "role", "state", "consent", "source", "confirmed_at", "bounced_at", "created_at", "updated_at")
SELECT c."participant_id", c."study_id", 'email', c."email_encrypted", c."email_hash", 'primary',
       CASE WHEN c."bounced_at" IS NULL THEN 'confirmed' ELSE 'bounced' END, true, 'import',
       c."created_at", c."bounced_at", c."created_at", c."updated_at"
FROM "contacts" c
ON CONFLICT DO NOTHING;
