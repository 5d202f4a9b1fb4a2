CREATE TABLE "plugin_lookups" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plugin_lookups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"plugin_slug" text NOT NULL,
	"lookup_key" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"procedure_code" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"outcome" text NOT NULL,
	CONSTRAINT "plugin_lookups_outcome" CHECK ("plugin_lookups"."outcome" in ('found', 'notFound', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "plugin_lookups" ADD CONSTRAINT "plugin_lookups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_lookups" ADD CONSTRAINT "plugin_lookups_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plugin_lookups_user_idx" ON "plugin_lookups" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "plugin_lookups_id_number_idx" ON "plugin_lookups" USING btree ("id_number_hash");--> statement-breakpoint
-- hand-written: the audit trail of pre-fill lookups is append-only, like calendar_changes (0007)
CREATE TRIGGER plugin_lookups_append_only BEFORE UPDATE OR DELETE ON plugin_lookups
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER plugin_lookups_no_truncate BEFORE TRUNCATE ON plugin_lookups
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
