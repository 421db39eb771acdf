-- The 'draft' wave status is gone: no path created it; a wave is 'scheduled' from the start.
UPDATE "waves" SET "status" = 'scheduled' WHERE "status" = 'draft';--> statement-breakpoint
ALTER TABLE "waves" ALTER COLUMN "status" DROP DEFAULT;
