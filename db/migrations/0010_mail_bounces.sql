CREATE TABLE "mail_bounces" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"outbox_id" bigint NOT NULL,
	"participant_id" uuid,
	"study_id" uuid,
	"wave_id" uuid,
	"email_hash" text,
	"hard" boolean NOT NULL,
	"source" text NOT NULL,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"diagnostic" text,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mail_bounces" ADD CONSTRAINT "mail_bounces_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_bounces" ADD CONSTRAINT "mail_bounces_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_bounces" ADD CONSTRAINT "mail_bounces_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_bounces" ADD CONSTRAINT "mail_bounces_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_bounces_message_uq" ON "mail_bounces" USING btree ("outbox_id","source","status","action");--> statement-breakpoint
CREATE INDEX "mail_bounces_participant_idx" ON "mail_bounces" USING btree ("participant_id","received_at");--> statement-breakpoint
CREATE INDEX "mail_bounces_wave_idx" ON "mail_bounces" USING btree ("wave_id");