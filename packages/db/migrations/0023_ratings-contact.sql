CREATE TABLE "dossier_ratings" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_ratings_level" CHECK ("dossier_ratings"."level" in ('verySatisfied', 'satisfied', 'dissatisfied')),
	CONSTRAINT "dossier_ratings_comment_length" CHECK (char_length("dossier_ratings"."comment") <= 1000)
);
--> statement-breakpoint
ALTER TABLE "unit_settings" ADD COLUMN "contact" jsonb;--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD CONSTRAINT "dossier_ratings_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;