CREATE TABLE "unit_setting_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_setting_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"setting" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "unit_settings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"four_eyes" boolean,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "procedure_drafts" ADD COLUMN "approval_requested_by" uuid;--> statement-breakpoint
ALTER TABLE "procedure_drafts" ADD COLUMN "approval_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "procedure_drafts" ADD COLUMN "approval_effective_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "procedure_drafts" ADD COLUMN "approval_rejection" jsonb;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD COLUMN "requested_by" uuid;--> statement-breakpoint
ALTER TABLE "unit_setting_changes" ADD CONSTRAINT "unit_setting_changes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_setting_changes" ADD CONSTRAINT "unit_setting_changes_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_settings" ADD CONSTRAINT "unit_settings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_settings" ADD CONSTRAINT "unit_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_setting_changes_unit_idx" ON "unit_setting_changes" USING btree ("unit_id","at");--> statement-breakpoint
ALTER TABLE "procedure_drafts" ADD CONSTRAINT "procedure_drafts_approval_requested_by_users_id_fk" FOREIGN KEY ("approval_requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;