DROP INDEX "dossiers_open_queue_idx";--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "receiving_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "current_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_receiving_unit_id_units_id_fk" FOREIGN KEY ("receiving_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_current_unit_id_units_id_fk" FOREIGN KEY ("current_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_receiving_unit_idx" ON "dossiers" USING btree ("receiving_unit_id","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_open_queue_idx" ON "dossiers" USING btree ("current_unit_id","due_at","submitted_at","id","current_role","paused_at","done_at") WHERE "dossiers"."current_step" is not null;--> statement-breakpoint
-- hand-written: dossiers filed before the receiving unit was kept were received by their resolving unit, and an
-- open one is handled by it now
UPDATE "dossiers" SET "receiving_unit_id" = "unit_id",
  "current_unit_id" = CASE WHEN "current_step" IS NOT NULL THEN "unit_id" END
  WHERE "receiving_unit_id" IS NULL;
