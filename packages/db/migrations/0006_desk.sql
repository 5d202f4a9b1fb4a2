-- the desk at a million dossiers: the queue's index in its full order (id last) with the columns its counts filter on,
-- and whole ID numbers found by equality (the trigram index is slow on digits: ten characters, few trigrams, all common)
DROP INDEX "dossiers_open_queue_idx";--> statement-breakpoint
CREATE INDEX "dossiers_id_number_idx" ON "dossiers" USING btree (("applicant"->>'idNumber'));--> statement-breakpoint
CREATE INDEX "dossiers_open_queue_idx" ON "dossiers" USING btree ("unit_id","due_at","submitted_at","id","current_role","paused_at","done_at") WHERE "dossiers"."current_step" is not null;