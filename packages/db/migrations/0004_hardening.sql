-- pg_trgm serves the desk's search (LIKE '%…%' on search_text); trusted since PostgreSQL 13, bundled with PGlite
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "current_role" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "fees" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "idempotency_fingerprint" text;--> statement-breakpoint
CREATE INDEX "dossiers_open_queue_idx" ON "dossiers" USING btree ("unit_id","due_at","submitted_at") WHERE "dossiers"."current_step" is not null;--> statement-breakpoint
CREATE INDEX "dossiers_search_trgm_idx" ON "dossiers" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "outbox_plugin_due_idx" ON "outbox" USING btree ("plugin_slug","state","next_attempt_at");--> statement-breakpoint
-- dossiers filed before this migration: the fees their submit event recorded, the role of the step they are at
UPDATE "dossiers" d SET "fees" = e."data"->'fees'
  FROM "dossier_events" e
  WHERE e."dossier_id" = d."id" AND e."seq" = 1 AND jsonb_typeof(e."data"->'fees') = 'array';--> statement-breakpoint
UPDATE "dossiers" d SET "current_role" = (
  SELECT s->>'role'
  FROM "procedure_versions" v,
    jsonb_array_elements(coalesce(
      (SELECT c->'steps' FROM jsonb_array_elements(coalesce(v."definition"->'cases', '[]'::jsonb)) c
        WHERE c->>'key' = d."case_key" AND c ? 'steps'),
      v."definition"->'steps')) s
  WHERE v."id" = d."procedure_version_id" AND s->>'key' = d."current_step"
  LIMIT 1)
  WHERE d."current_step" IS NOT NULL;
