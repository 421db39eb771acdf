CREATE TABLE "keep_in_touch_mailings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"messages" jsonb NOT NULL,
	"older_than_months" integer,
	"send_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "keep_in_touch_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mailing_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"details_opened_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "keep_in_touch_mailings" ADD CONSTRAINT "keep_in_touch_mailings_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keep_in_touch_recipients" ADD CONSTRAINT "keep_in_touch_recipients_mailing_id_keep_in_touch_mailings_id_fk" FOREIGN KEY ("mailing_id") REFERENCES "public"."keep_in_touch_mailings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keep_in_touch_recipients" ADD CONSTRAINT "keep_in_touch_recipients_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keep_in_touch_recipients" ADD CONSTRAINT "keep_in_touch_recipients_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "keep_in_touch_mailings_due_idx" ON "keep_in_touch_mailings" USING btree ("send_at");--> statement-breakpoint
CREATE UNIQUE INDEX "keep_in_touch_recipients_mailing_participant_uq" ON "keep_in_touch_recipients" USING btree ("mailing_id","participant_id");--> statement-breakpoint
CREATE INDEX "keep_in_touch_recipients_participant_idx" ON "keep_in_touch_recipients" USING btree ("participant_id");