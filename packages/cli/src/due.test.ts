import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { motcua, noStackTrace } from './test-support'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-due-'))
  await writeFile(join(dir, 'not-json.json'), '{ "officeHours": [')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe.concurrent('motcua due', () => {
  const due = async (received: string, duration: string, ...extra: string[]) => {
    const run = await motcua(['due', '--received', received, '--duration', duration, ...extra], dir)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    return run.stdout.trim()
  }

  it('skips the weekend', async () => {
    // Friday 16:00 + 1 working day: 1 h on Friday, 7 h on Monday.
    expect(await due('2025-03-07T16:00:00+07:00', '1wd')).toBe('2025-03-10T16:00:00+07:00')
  })

  it('skips 30/4 and 1/5/2025', async () => {
    expect(await due('2025-04-29T10:00:00+07:00', '2wd')).toBe('2025-05-05T10:00:00+07:00')
    expect(await due('2025-04-29T10:00:00+07:00', '3wd')).toBe('2025-05-06T10:00:00+07:00')
  })

  it('skips 1 January', async () => {
    expect(await due('2024-12-31T14:00:00+07:00', '1wd')).toBe('2025-01-02T14:00:00+07:00')
  })

  it('skips Hùng Kings day 2025 (Monday 7 April, 10/3 lunar)', async () => {
    expect(await due('2025-04-04T09:00:00+07:00', '1wd')).toBe('2025-04-08T09:00:00+07:00')
  })

  it('applies the 15:00 rule', async () => {
    expect(await due('2025-03-12T14:59:00+07:00', 'sameday@15:00')).toBe('2025-03-12T17:00:00+07:00')
    expect(await due('2025-03-12T15:00:00+07:00', 'sameday@15:00')).toBe('2025-03-13T17:00:00+07:00')
    expect(await due('2025-03-14T15:30:00+07:00', 'sameday@15:00')).toBe('2025-03-17T17:00:00+07:00')
  })

  it('does not count the lunch break', async () => {
    expect(await due('2025-03-12T11:00:00+07:00', '2wh')).toBe('2025-03-12T15:00:00+07:00')
    expect(await due('2025-03-12T12:00:00+07:00', '1wh')).toBe('2025-03-12T14:30:00+07:00')
  })

  it('reads times without an offset as Vietnam time, and UTC ones as UTC', async () => {
    expect(await due('2025-03-12T11:00', '2wh')).toBe('2025-03-12T15:00:00+07:00')
    expect(await due('2025-03-12T04:00:00Z', '2wh')).toBe('2025-03-12T15:00:00+07:00')
  })

  it('counts calendar days and prints none for no time limit', async () => {
    expect(await due('2025-03-12T09:00:00+07:00', '10cd')).toBe('2025-03-24T17:00:00+07:00')
    expect(await due('2025-03-12T09:00:00+07:00', 'none')).toBe('none')
  })

  it('uses a calendar file: extra holidays over the statutory ones, make-up days', async () => {
    const extra = join(dir, 'extra-holiday.json')
    await writeFile(
      extra,
      JSON.stringify({ extends: 'statutory', holidays: [{ date: '2025-03-13', name: 'Nghỉ địa phương' }] }),
    )
    expect(await due('2025-03-12T16:00:00+07:00', 'sameday@15:00', '--calendar', extra)).toBe(
      '2025-03-14T17:00:00+07:00',
    )
    expect(await due('2025-04-29T10:00:00+07:00', '2wd', '--calendar', extra)).toBe('2025-05-05T10:00:00+07:00')
    const makeUp = join(dir, 'make-up.json')
    await writeFile(makeUp, JSON.stringify({ makeUpDays: [{ date: '2025-03-15', name: 'Làm bù' }] }))
    expect(await due('2025-03-14T16:00:00+07:00', 'sameday@15:00', '--calendar', makeUp)).toBe(
      '2025-03-15T17:00:00+07:00',
    )
    // Without `extends`, only the file's days: 30/4 is an ordinary Wednesday.
    expect(await due('2025-04-29T10:00:00+07:00', '1wd', '--calendar', makeUp)).toBe('2025-04-30T10:00:00+07:00')
  })

  it('exits 2 with one clear line on bad input', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['--received', 'yesterday', '--duration', '1wd'],
        /^motcua due: "yesterday" không phải thời điểm ISO 8601 hợp lệ\n$/,
      ],
      [['--received', '2025-02-30T10:00', '--duration', '1wd'], /không phải thời điểm ISO 8601/],
      [['--received', '2025-03-12T10:00', '--duration', '3 days'], /^motcua due: Thời hạn "3 days" không hợp lệ/],
      [['--duration', '1wd'], /^motcua due: Thiếu --received/],
      [
        ['--received', '2025-03-12T10:00', '--duration', '1wd', '--calendar', 'nowhere.json'],
        /^motcua due: Không đọc được "nowhere.json": ENOENT\n$/,
      ],
      [
        ['--received', '2025-03-12T10:00', '--duration', '1wd', '--calendar', 'not-json.json'],
        /^motcua due: Tệp lịch "not-json.json" không phải JSON/,
      ],
      [['--received', 'x', '--duration', '1wd', '--lang', 'en'], /^motcua due: "x" is not a valid ISO 8601 time\n$/],
    ]
    for (const [args, expected] of cases) {
      const run = await motcua(['due', ...args], dir)
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).toMatch(expected)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
      noStackTrace(run.stderr)
    }
  })

  it('reports an invalid calendar by pointer', async () => {
    const bad = join(dir, 'bad-calendar.json')
    await writeFile(bad, JSON.stringify({ holidays: [{ date: '2025-02-30', name: 'x' }] }))
    const run = await motcua(
      ['due', '--received', '2025-03-12T10:00', '--duration', '1wd', '--calendar', bad, '--lang', 'en'],
      dir,
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(
      /^motcua due: Invalid work calendar: \/holidays\/0\/date: "2025-02-30" is not a date YYYY-MM-DD\n$/,
    )
  })
})
