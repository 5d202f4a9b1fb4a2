CREATE TABLE "procedure_offering_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "procedure_offering_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"procedure_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "procedure_offerings" (
	"procedure_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"offered" boolean NOT NULL,
	"from" date,
	"to" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "procedure_offerings_procedure_id_unit_id_pk" PRIMARY KEY("procedure_id","unit_id"),
	CONSTRAINT "procedure_offerings_period" CHECK ("procedure_offerings"."from" is null or "procedure_offerings"."to" is null or "procedure_offerings"."from" <= "procedure_offerings"."to")
);
--> statement-breakpoint
ALTER TABLE "procedure_offering_changes" ADD CONSTRAINT "procedure_offering_changes_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_offering_changes" ADD CONSTRAINT "procedure_offering_changes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_offering_changes" ADD CONSTRAINT "procedure_offering_changes_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_offerings" ADD CONSTRAINT "procedure_offerings_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_offerings" ADD CONSTRAINT "procedure_offerings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_offerings" ADD CONSTRAINT "procedure_offerings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "procedure_offering_changes_procedure_idx" ON "procedure_offering_changes" USING btree ("procedure_id","at");--> statement-breakpoint
-- hand-written: the audit trail of offering changes is append-only, like calendar_changes (0007)
CREATE TRIGGER procedure_offering_changes_append_only BEFORE UPDATE OR DELETE ON procedure_offering_changes
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER procedure_offering_changes_no_truncate BEFORE TRUNCATE ON procedure_offering_changes
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
