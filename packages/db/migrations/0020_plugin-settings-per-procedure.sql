ALTER TABLE "plugin_settings" ADD COLUMN "procedure_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "plugin_setting_changes" ADD COLUMN "procedure_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "plugin_settings" DROP CONSTRAINT "plugin_settings_unit_id_plugin_slug_pk";--> statement-breakpoint
ALTER TABLE "plugin_settings" ALTER COLUMN "enabled" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "plugin_settings" ADD CONSTRAINT "plugin_settings_unit_id_plugin_slug_procedure_code_pk" PRIMARY KEY("unit_id","plugin_slug","procedure_code");--> statement-breakpoint
-- Existing rows keep their meaning: each is its unit's setting for every procedure (''), and it was whole (the
-- nearest row won): a key a unit above sets and the row left out is written as null (removed), so nothing that
-- used to be absent is now inherited.
WITH RECURSIVE above(unit_id, ancestor_id) AS (
  SELECT "id", "parent_id" FROM "units" WHERE "parent_id" IS NOT NULL
  UNION
  SELECT above.unit_id, u."parent_id" FROM above JOIN "units" u ON u."id" = above.ancestor_id WHERE u."parent_id" IS NOT NULL
), left_out AS (
  SELECT s."unit_id", s."plugin_slug", jsonb_object_agg(k.key, 'null'::jsonb) AS nulls
  FROM "plugin_settings" s
  JOIN above ON above.unit_id = s."unit_id"
  JOIN "plugin_settings" a ON a."unit_id" = above.ancestor_id AND a."plugin_slug" = s."plugin_slug"
  CROSS JOIN LATERAL jsonb_object_keys(a."config") AS k(key)
  WHERE NOT s."config" ? k.key
  GROUP BY s."unit_id", s."plugin_slug"
)
UPDATE "plugin_settings" s SET "config" = left_out.nulls || s."config"
FROM left_out WHERE left_out.unit_id = s."unit_id" AND left_out.plugin_slug = s."plugin_slug";--> statement-breakpoint
COMMENT ON COLUMN "plugin_settings"."enabled" IS 'null: inherited from the units above or the unit''s all-procedures row';
