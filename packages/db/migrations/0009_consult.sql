CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"step" text NOT NULL,
	"round" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"opinion" text,
	"note" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_opinion" CHECK ("consultations"."opinion" is null or "consultations"."opinion" in ('agree', 'disagree', 'comments')),
	CONSTRAINT "consultations_answered" CHECK (("consultations"."answered_at" is null) = ("consultations"."opinion" is null))
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultations_dossier_idx" ON "consultations" USING btree ("dossier_id","round");--> statement-breakpoint
CREATE INDEX "consultations_open_idx" ON "consultations" USING btree ("unit_id","due_at") WHERE "consultations"."answered_at" is null and "consultations"."closed_at" is null;