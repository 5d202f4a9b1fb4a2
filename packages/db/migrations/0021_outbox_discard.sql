CREATE TABLE "outbox_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"outbox_id" bigint NOT NULL,
	"action" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"attempts" integer NOT NULL,
	"last_error" text,
	CONSTRAINT "outbox_changes_action" CHECK ("outbox_changes"."action" in ('requeue', 'discard'))
);
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_state";--> statement-breakpoint
ALTER TABLE "outbox_changes" ADD CONSTRAINT "outbox_changes_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_changes" ADD CONSTRAINT "outbox_changes_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_changes_message_idx" ON "outbox_changes" USING btree ("outbox_id","at");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_state" CHECK ("outbox"."state" in ('pending', 'delivered', 'dead', 'discarded'));--> statement-breakpoint
-- hand-written: the outbox's audit trail is append-only, like calendar_changes (0007)
CREATE TRIGGER outbox_changes_append_only BEFORE UPDATE OR DELETE ON outbox_changes
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER outbox_changes_no_truncate BEFORE TRUNCATE ON outbox_changes
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
