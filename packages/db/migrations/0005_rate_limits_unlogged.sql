-- Attempt counters need no crash safety (a crash forgets a few minutes of counts) but are written on every anonymous
-- submission and wrong PIN: unlogged, an upsert skips the WAL flush (measured 2.1 → 0.6 ms per upsert).
ALTER TABLE "rate_limits" SET UNLOGGED;
