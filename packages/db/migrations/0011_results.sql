ALTER TABLE "dossiers" ADD COLUMN "delivery" jsonb;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "result_data" jsonb;