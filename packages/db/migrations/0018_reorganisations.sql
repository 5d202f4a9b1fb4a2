CREATE TABLE "reorganisations" (
	"name" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"effective_date" date NOT NULL,
	"plan" jsonb NOT NULL,
	"versions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"plan_hash" text NOT NULL,
	"status" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"requested_by" uuid,
	"applied_at" timestamp with time zone,
	"report" jsonb,
	CONSTRAINT "reorganisations_status" CHECK ("reorganisations"."status" in ('scheduled', 'applied'))
);
--> statement-breakpoint
CREATE TABLE "unit_links" (
	"predecessor_id" uuid NOT NULL,
	"successor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"primary" boolean NOT NULL,
	"reorganisation" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "unit_links_predecessor_id_successor_id_pk" PRIMARY KEY("predecessor_id","successor_id"),
	CONSTRAINT "unit_links_kind" CHECK ("unit_links"."kind" in ('merge', 'split', 'rename', 'changeLevel', 'abolish'))
);
--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_code_unique";--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_electronic_id_unique";--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "filed_unit_id" uuid;--> statement-breakpoint
-- hand-written: before reorganisations moved dossiers, every dossier was still at the unit it was filed with
UPDATE "dossiers" SET "filed_unit_id" = "unit_id";--> statement-breakpoint
ALTER TABLE "dossiers" ALTER COLUMN "filed_unit_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "reorganisations" ADD CONSTRAINT "reorganisations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_links" ADD CONSTRAINT "unit_links_predecessor_id_units_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_links" ADD CONSTRAINT "unit_links_successor_id_units_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_links" ADD CONSTRAINT "unit_links_reorganisation_reorganisations_name_fk" FOREIGN KEY ("reorganisation") REFERENCES "public"."reorganisations"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_links_successor_idx" ON "unit_links" USING btree ("successor_id");--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_filed_unit_id_units_id_fk" FOREIGN KEY ("filed_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_filed_unit_idx" ON "dossiers" USING btree ("filed_unit_id");--> statement-breakpoint
CREATE INDEX "units_code_idx" ON "units" USING btree ("code","effective_from");--> statement-breakpoint
CREATE INDEX "units_electronic_id_idx" ON "units" USING btree ("electronic_id");--> statement-breakpoint
-- hand-written: a unit's code and electronic id are unique among the units whose periods overlap (codes are reused
-- from one period to the next); the reorganisation that writes units holds a lock, so a check by trigger is enough
CREATE FUNCTION motcua_units_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE clash text;
BEGIN
  IF NEW.effective_to IS NOT NULL AND NEW.effective_to <= NEW.effective_from THEN
    RETURN NEW; -- units_effective_range refuses it
  END IF;
  SELECT CASE WHEN u.code = NEW.code THEN 'code ' || NEW.code ELSE 'electronic id ' || NEW.electronic_id END
    INTO clash FROM units u
    WHERE u.id <> NEW.id AND (u.code = NEW.code OR u.electronic_id = NEW.electronic_id)
      AND daterange(u.effective_from, u.effective_to) && daterange(NEW.effective_from, NEW.effective_to)
    LIMIT 1;
  IF clash IS NOT NULL THEN
    RAISE EXCEPTION 'units: % is in use in an overlapping period', clash USING ERRCODE = '23505', CONSTRAINT = 'units_in_force_unique';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER units_no_overlap BEFORE INSERT OR UPDATE OF code, electronic_id, effective_from, effective_to ON units
  FOR EACH ROW EXECUTE FUNCTION motcua_units_no_overlap();
