CREATE TABLE "calendar_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "calendar_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"calendar_code" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"kind" text NOT NULL,
	"source" text,
	"detail" jsonb NOT NULL,
	"moved" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"calendar_code" text NOT NULL,
	"year" smallint NOT NULL,
	"provisional" boolean NOT NULL,
	"source" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "calendar_years_calendar_code_year_pk" PRIMARY KEY("calendar_code","year"),
	CONSTRAINT "calendar_years_sourced" CHECK ("calendar_years"."provisional" or "calendar_years"."source" is not null),
	CONSTRAINT "calendar_years_range" CHECK ("calendar_years"."year" between 1900 and 2200)
);
--> statement-breakpoint
ALTER TABLE "calendars" ALTER COLUMN "office_hours" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_days" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "calendars" ADD COLUMN "parent_code" text;--> statement-breakpoint
ALTER TABLE "calendars" ADD COLUMN "owner_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "calendars" ADD COLUMN "counter_hours" jsonb;--> statement-breakpoint
ALTER TABLE "calendar_changes" ADD CONSTRAINT "calendar_changes_calendar_code_calendars_code_fk" FOREIGN KEY ("calendar_code") REFERENCES "public"."calendars"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_changes" ADD CONSTRAINT "calendar_changes_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_years" ADD CONSTRAINT "calendar_years_calendar_code_calendars_code_fk" FOREIGN KEY ("calendar_code") REFERENCES "public"."calendars"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_years" ADD CONSTRAINT "calendar_years_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_changes_calendar_idx" ON "calendar_changes" USING btree ("calendar_code","at");--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_parent_code_calendars_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."calendars"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_root_has_hours" CHECK ("calendars"."parent_code" is not null or "calendars"."office_hours" is not null);--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_not_own_parent" CHECK ("calendars"."parent_code" is null or "calendars"."parent_code" <> "calendars"."code");--> statement-breakpoint
-- the audit trail of calendar edits is append-only, like the dossier event log (0001)
CREATE TRIGGER calendar_changes_append_only BEFORE UPDATE OR DELETE ON calendar_changes
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER calendar_changes_no_truncate BEFORE TRUNCATE ON calendar_changes
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
