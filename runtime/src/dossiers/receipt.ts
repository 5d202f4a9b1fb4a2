import { formatReceiptCode, receiptDay } from '@motcua/core'
import { type Db, receiptSequences } from '@motcua/db'
import { sql } from 'drizzle-orm'

/**
 * The next receipt code of a unit for the day. The increment is a single upsert whose row lock is held to
 * commit: concurrent submissions to one unit queue there, and a rolled-back one gives its number back,
 * so codes stay unique and gapless.
 *
 * Prepared: on PostgreSQL, postgres.js runs an unprepared query with parameters in two round trips (describe,
 * then bind and execute) and the server parses and plans it each time; a prepared statement is one round trip
 * once the connection knows it. Here that also shortens how long the row lock is held.
 */
export async function nextReceiptCode(tx: Db, unit: { id: string; electronicId: string }, at: Date): Promise<string> {
  const day = receiptDay(at)
  const [row] = await tx
    .insert(receiptSequences)
    .values({ unitId: unit.id, day, lastValue: 1 })
    .onConflictDoUpdate({
      target: [receiptSequences.unitId, receiptSequences.day],
      set: { lastValue: sql`${receiptSequences.lastValue} + 1` },
    })
    .returning({ value: receiptSequences.lastValue })
    .prepare('next_receipt_code')
    .execute()
  return formatReceiptCode({ unitId: unit.electronicId, date: at, sequence: row!.value })
}
