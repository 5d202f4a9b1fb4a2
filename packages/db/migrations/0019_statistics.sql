CREATE TABLE "dossier_stat_days" (
	"month" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"days" smallint NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_stat_days_unit_id_month_days_pk" PRIMARY KEY("unit_id","month","days")
);
--> statement-breakpoint
CREATE TABLE "dossier_stat_months" (
	"month" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"received_counter" integer DEFAULT 0 NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"received_post" integer DEFAULT 0 NOT NULL,
	"resolved_early" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"resolved_late" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"stopped" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"fell_due" integer DEFAULT 0 NOT NULL,
	"left_overdue" integer DEFAULT 0 NOT NULL,
	"used_seconds" bigint DEFAULT 0 NOT NULL,
	"allowed_seconds" bigint DEFAULT 0 NOT NULL,
	"timed" integer DEFAULT 0 NOT NULL,
	"timed_used_seconds" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_stat_months_month_unit_id_procedure_version_id_pk" PRIMARY KEY("month","unit_id","procedure_version_id")
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "dossier_stat_days_month_idx" ON "dossier_stat_days" USING btree ("month");--> statement-breakpoint
CREATE INDEX "dossier_stat_months_unit_idx" ON "dossier_stat_months" USING btree ("unit_id","month");--> statement-breakpoint
CREATE INDEX "dossiers_in_progress_idx" ON "dossiers" USING btree ("filed_unit_id","procedure_version_id","status","due_at","paused_at") WHERE "dossiers"."done_at" is null and "dossiers"."ended_at" is null and "dossiers"."received_at" is not null;--> statement-breakpoint
-- hand-written: a dossier ended when it left its last step; before this column, the first event that did so says when
UPDATE "dossiers" d SET "ended_at" = e.at
FROM (SELECT "dossier_id", min("at") AS at FROM "dossier_events" WHERE "to_step" IS NULL AND "from_step" IS NOT NULL GROUP BY "dossier_id") e
WHERE d."id" = e."dossier_id" AND d."current_step" IS NULL;
--> statement-breakpoint
-- hand-written: the statistics rollup. One definition of what a dossier contributes, motcua_stat_rows(), serves both
-- the triggers that keep the rollup in the writing transaction and motcua_stats_rebuild(), which recomputes it.
-- Months and days are Vietnam's (UTC+07:00, no daylight saving).
CREATE FUNCTION motcua_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (t AT TIME ZONE 'UTC' + interval '7 hours')::date
$$;
--> statement-breakpoint
CREATE FUNCTION motcua_month(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_trunc('month', t AT TIME ZONE 'UTC' + interval '7 hours')::date
$$;
--> statement-breakpoint
CREATE FUNCTION motcua_stat_rows(d dossiers) RETURNS TABLE(
  month date, unit_id uuid, procedure_version_id uuid, received_counter int, received_online int, received_post int, resolved_early int, resolved_on_time int, resolved_late int, refused int, withdrawn int, stopped int, closed int, fell_due int, left_overdue int, used_seconds bigint, allowed_seconds bigint, timed int, timed_used_seconds bigint, days smallint
) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH x AS (
    SELECT coalesce(d.received_at, d.done_at) AS rec,
      coalesce(d.done_at, d.ended_at) AS leave,
      floor(extract(epoch FROM d.done_at - coalesce(d.received_at, d.done_at)))::bigint AS used
  )
  -- received: its month and channel
  SELECT motcua_month(x.rec), d.filed_unit_id, d.procedure_version_id, (d.channel = 1)::int, (d.channel = 2)::int, (d.channel = 3)::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0::bigint, 0::bigint, 0, 0::bigint, NULL::smallint
  FROM x WHERE x.rec IS NOT NULL
  UNION ALL
  -- resolved: early, on time or late as core's classify() judges it (TIMELINESS.md), and how long it took
  SELECT motcua_month(d.done_at), d.filed_unit_id, d.procedure_version_id, 0, 0, 0, (d.due_at IS NOT NULL AND d.done_at <= d.due_at AND motcua_day(d.done_at) < motcua_day(d.due_at))::int, (d.due_at IS NULL OR (d.done_at <= d.due_at AND motcua_day(d.done_at) >= motcua_day(d.due_at)))::int, (d.due_at IS NOT NULL AND d.done_at > d.due_at)::int, 0, 0, 0, 0, 0, 0, x.used, coalesce(floor(extract(epoch FROM d.due_at - x.rec))::bigint, 0), (d.due_at IS NOT NULL)::int, CASE WHEN d.due_at IS NOT NULL THEN x.used ELSE 0 END,
    least(greatest(x.used / 86400, 0), 365)::smallint
  FROM x WHERE d.done_at IS NOT NULL
  UNION ALL
  -- ended without a result: refused, withdrawn, stopped; closed when it had been received
  SELECT motcua_month(d.ended_at), d.filed_unit_id, d.procedure_version_id, 0, 0, 0, 0, 0, 0, (d.status = 3)::int, (d.status = 7)::int, (d.status = 8)::int, (x.rec IS NOT NULL)::int, 0, 0, 0::bigint, 0::bigint, 0, 0::bigint, NULL
  FROM x WHERE d.done_at IS NULL AND d.ended_at IS NOT NULL
  UNION ALL
  -- its deadline passed while it was open (a dossier paused before its deadline waits: classify() judges it at the pause)
  SELECT motcua_month(d.due_at), d.filed_unit_id, d.procedure_version_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0::bigint, 0::bigint, 0, 0::bigint, NULL
  FROM x WHERE x.rec IS NOT NULL AND d.due_at IS NOT NULL
    AND (x.leave > d.due_at OR (x.leave IS NULL AND (d.paused_at IS NULL OR d.paused_at > d.due_at)))
  UNION ALL
  -- and it was resolved or closed after that
  SELECT motcua_month(x.leave), d.filed_unit_id, d.procedure_version_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0::bigint, 0::bigint, 0, 0::bigint, NULL
  FROM x WHERE x.rec IS NOT NULL AND d.due_at IS NOT NULL AND x.leave > d.due_at
$$;
--> statement-breakpoint
CREATE FUNCTION motcua_dossier_stats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- the new contributions less the old, in key order so that concurrent writers lock rows in one order
  INSERT INTO dossier_stat_months AS s (month, unit_id, procedure_version_id, received_counter, received_online, received_post, resolved_early, resolved_on_time, resolved_late, refused, withdrawn, stopped, closed, fell_due, left_overdue, used_seconds, allowed_seconds, timed, timed_used_seconds)
  SELECT r.month, r.unit_id, r.procedure_version_id, sum(sign * r.received_counter), sum(sign * r.received_online), sum(sign * r.received_post), sum(sign * r.resolved_early), sum(sign * r.resolved_on_time), sum(sign * r.resolved_late), sum(sign * r.refused), sum(sign * r.withdrawn), sum(sign * r.stopped), sum(sign * r.closed), sum(sign * r.fell_due), sum(sign * r.left_overdue), sum(sign * r.used_seconds), sum(sign * r.allowed_seconds), sum(sign * r.timed), sum(sign * r.timed_used_seconds)
  FROM (SELECT 1 AS sign, * FROM motcua_stat_rows(NEW) UNION ALL SELECT -1, * FROM motcua_stat_rows(OLD)) r
  GROUP BY r.month, r.unit_id, r.procedure_version_id
  HAVING sum(sign * r.received_counter) <> 0 OR sum(sign * r.received_online) <> 0 OR sum(sign * r.received_post) <> 0 OR sum(sign * r.resolved_early) <> 0 OR sum(sign * r.resolved_on_time) <> 0 OR sum(sign * r.resolved_late) <> 0 OR sum(sign * r.refused) <> 0 OR sum(sign * r.withdrawn) <> 0 OR sum(sign * r.stopped) <> 0 OR sum(sign * r.closed) <> 0 OR sum(sign * r.fell_due) <> 0 OR sum(sign * r.left_overdue) <> 0 OR sum(sign * r.used_seconds) <> 0 OR sum(sign * r.allowed_seconds) <> 0 OR sum(sign * r.timed) <> 0 OR sum(sign * r.timed_used_seconds) <> 0
  ORDER BY r.month, r.unit_id, r.procedure_version_id
  ON CONFLICT (month, unit_id, procedure_version_id) DO UPDATE SET
      received_counter = s.received_counter + excluded.received_counter,
      received_online = s.received_online + excluded.received_online,
      received_post = s.received_post + excluded.received_post,
      resolved_early = s.resolved_early + excluded.resolved_early,
      resolved_on_time = s.resolved_on_time + excluded.resolved_on_time,
      resolved_late = s.resolved_late + excluded.resolved_late,
      refused = s.refused + excluded.refused,
      withdrawn = s.withdrawn + excluded.withdrawn,
      stopped = s.stopped + excluded.stopped,
      closed = s.closed + excluded.closed,
      fell_due = s.fell_due + excluded.fell_due,
      left_overdue = s.left_overdue + excluded.left_overdue,
      used_seconds = s.used_seconds + excluded.used_seconds,
      allowed_seconds = s.allowed_seconds + excluded.allowed_seconds,
      timed = s.timed + excluded.timed,
      timed_used_seconds = s.timed_used_seconds + excluded.timed_used_seconds;
  INSERT INTO dossier_stat_days AS s (unit_id, month, days, resolved)
  SELECT r.unit_id, r.month, r.days, sum(sign)
  FROM (SELECT 1 AS sign, * FROM motcua_stat_rows(NEW) UNION ALL SELECT -1, * FROM motcua_stat_rows(OLD)) r
  WHERE r.days IS NOT NULL
  GROUP BY r.unit_id, r.month, r.days
  HAVING sum(sign) <> 0
  ORDER BY r.unit_id, r.month, r.days
  ON CONFLICT (unit_id, month, days) DO UPDATE SET resolved = s.resolved + excluded.resolved;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dossiers_stats_insert_delete AFTER INSERT OR DELETE ON dossiers
  FOR EACH ROW EXECUTE FUNCTION motcua_dossier_stats();
--> statement-breakpoint
CREATE TRIGGER dossiers_stats_update AFTER UPDATE ON dossiers FOR EACH ROW WHEN (
  OLD.received_at IS DISTINCT FROM NEW.received_at OR OLD.done_at IS DISTINCT FROM NEW.done_at
  OR OLD.ended_at IS DISTINCT FROM NEW.ended_at OR OLD.due_at IS DISTINCT FROM NEW.due_at
  OR OLD.paused_at IS DISTINCT FROM NEW.paused_at
  OR (OLD.status <> NEW.status AND NEW.ended_at IS NOT NULL) OR OLD.channel <> NEW.channel
  OR OLD.filed_unit_id <> NEW.filed_unit_id OR OLD.procedure_version_id <> NEW.procedure_version_id
) EXECUTE FUNCTION motcua_dossier_stats();
--> statement-breakpoint
-- Recomputes the rollup from the dossiers: after a bulk load with triggers off (the data generator), and to check it.
CREATE FUNCTION motcua_stats_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM dossier_stat_months;
  DELETE FROM dossier_stat_days;
  INSERT INTO dossier_stat_months (month, unit_id, procedure_version_id, received_counter, received_online, received_post, resolved_early, resolved_on_time, resolved_late, refused, withdrawn, stopped, closed, fell_due, left_overdue, used_seconds, allowed_seconds, timed, timed_used_seconds)
  SELECT r.month, r.unit_id, r.procedure_version_id, sum(r.received_counter), sum(r.received_online), sum(r.received_post), sum(r.resolved_early), sum(r.resolved_on_time), sum(r.resolved_late), sum(r.refused), sum(r.withdrawn), sum(r.stopped), sum(r.closed), sum(r.fell_due), sum(r.left_overdue), sum(r.used_seconds), sum(r.allowed_seconds), sum(r.timed), sum(r.timed_used_seconds)
  FROM dossiers d CROSS JOIN LATERAL motcua_stat_rows(d) r
  GROUP BY r.month, r.unit_id, r.procedure_version_id;
  INSERT INTO dossier_stat_days (unit_id, month, days, resolved)
  SELECT r.unit_id, r.month, r.days, count(*)
  FROM dossiers d CROSS JOIN LATERAL motcua_stat_rows(d) r
  WHERE r.days IS NOT NULL
  GROUP BY r.unit_id, r.month, r.days;
END;
$$;
--> statement-breakpoint
SELECT motcua_stats_rebuild();
