import { formatReceiptCode, receiptDay } from '@motcua/core'
import { builtOnce, type Db, receiptSequences } from '@motcua/db'
import { sql } from 'drizzle-orm'

const returned = { value: receiptSequences.lastValue }
const bumpSequence = builtOnce<{ unitId: string; day: string }, { value: number }>(
  (db, p) =>
    db
      .insert(receiptSequences)
      .values({ unitId: p.unitId, day: p.day, lastValue: 1 })
      .onConflictDoUpdate({
        target: [receiptSequences.unitId, receiptSequences.day],
        set: { lastValue: sql`${receiptSequences.lastValue} + 1` },
      })
      .returning(returned),
  returned,
)

/**
 * The next receipt code of a unit for the day. The increment is a single upsert whose row lock is held to
 * commit: concurrent submissions to one unit queue there, and a rolled-back one gives its number back,
 * so codes stay unique and gapless.
 *
 * Built once and prepared: on PostgreSQL, postgres.js runs an unprepared query with parameters in two round trips
 * (describe, then bind and execute) and the server parses and plans it each time; a prepared statement is one round
 * trip once the connection knows it. Here that also shortens how long the row lock is held.
 */
export async function nextReceiptCode(tx: Db, unit: { id: string; electronicId: string }, at: Date): Promise<string> {
  const [row] = await bumpSequence(tx, { unitId: unit.id, day: receiptDay(at) })
  return formatReceiptCode({ unitId: unit.electronicId, date: at, sequence: row!.value })
}
