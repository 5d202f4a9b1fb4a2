CREATE TABLE "procedure_constant_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "procedure_constant_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"procedure_code" text NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"old_value" double precision,
	"new_value" double precision,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "procedure_constants" (
	"procedure_code" text NOT NULL,
	"key" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "procedure_constants_procedure_code_key_pk" PRIMARY KEY("procedure_code","key"),
	CONSTRAINT "procedure_constants_value" CHECK ("procedure_constants"."value" >= 0)
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "constants" jsonb;--> statement-breakpoint
ALTER TABLE "procedure_constant_changes" ADD CONSTRAINT "procedure_constant_changes_procedure_code_procedures_code_fk" FOREIGN KEY ("procedure_code") REFERENCES "public"."procedures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_constant_changes" ADD CONSTRAINT "procedure_constant_changes_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_constants" ADD CONSTRAINT "procedure_constants_procedure_code_procedures_code_fk" FOREIGN KEY ("procedure_code") REFERENCES "public"."procedures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_constants" ADD CONSTRAINT "procedure_constants_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "procedure_constant_changes_idx" ON "procedure_constant_changes" USING btree ("procedure_code","key","at");--> statement-breakpoint
-- hand-written: the audit trail of constant edits is append-only, like calendar_changes (0007)
CREATE TRIGGER procedure_constant_changes_append_only BEFORE UPDATE OR DELETE ON procedure_constant_changes
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER procedure_constant_changes_no_truncate BEFORE TRUNCATE ON procedure_constant_changes
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
