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

  it('uses the official calendar: 30/4, 1/5 and the swapped 2/5/2025 off, Saturday 26/4 worked', async () => {
    // Thông báo 6150/TB-BLĐTBXH: 30/4–4/5/2025 off, Friday 2/5 made up on Saturday 26/4
    expect(await due('2025-04-29T10:00:00+07:00', '2wd')).toBe('2025-05-06T10:00:00+07:00')
    expect(await due('2025-04-29T10:00:00+07:00', '3wd')).toBe('2025-05-07T10:00:00+07:00')
    expect(await due('2025-04-25T16:00:00+07:00', 'sameday@15:00')).toBe('2025-04-26T17:00:00+07:00')
    // Tết 2025: 25/1–2/2 (27/1, 28 tháng Chạp, included)
    expect(await due('2025-01-24T10:00:00+07:00', '1wd')).toBe('2025-02-03T10:00:00+07:00')
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

  it('--explain prints the entries that decided the result, each with its source', async () => {
    const run = await motcua(['due', '--received', '2025-04-29T10:00', '--duration', '2wd', '--explain'], dir)
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const lines = run.stdout.trim().split('\n')
    expect(lines[0]).toBe('2025-05-06T10:00:00+07:00')
    expect(lines[1]).toMatch(/^Lịch: lịch chính thức/)
    expect(lines[2]).toBe('Ngày nghỉ và ngày làm bù trong khoảng tính (2025-04-29 → 2025-05-06):')
    expect(lines.slice(3)).toEqual([
      '  2025-04-30 (thứ Tư) nghỉ: Ngày Chiến thắng. Nguồn: Bộ luật Lao động 2019, Điều 112',
      '  2025-05-01 (thứ Năm) nghỉ: Quốc tế Lao động. Nguồn: Bộ luật Lao động 2019, Điều 112',
      expect.stringMatching(
        /^ {2}2025-05-02 \(thứ Sáu\) nghỉ: Nghỉ hoán đổi \(làm bù thứ Bảy 26\/04\/2025\)\. Nguồn: Thông báo số 6150\/TB-BLĐTBXH/,
      ),
    ])
    const en = await motcua(
      ['due', '--received', '2025-04-25T16:00', '--duration', 'sameday@15:00', '--explain', '--lang', 'en'],
      dir,
    )
    expect(en.stdout).toMatch(
      /\n {2}2025-04-26 \(Sat\) make-up working day: Làm bù cho thứ Sáu 02\/05\/2025\. Source: Thông báo số 6150/,
    )
    const plain = await motcua(['due', '--received', '2025-03-12T10:00', '--duration', '1wd', '--explain'], dir)
    expect(plain.stdout).toMatch(/\n {2}\(không có: chỉ trừ thứ Bảy, Chủ nhật và ngoài giờ làm việc\)\n$/)
  })

  it('says when a year it used has no Government decision yet (provisional)', async () => {
    // Tết 2027 (Saturday 6/2) by the rules: Thursday 4/2 to Wednesday 10/2
    const run = await motcua(['due', '--received', '2027-02-03T10:00', '--duration', '1wd'], dir)
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('2027-02-11T10:00:00+07:00\n')
    expect(run.stderr).toBe('Năm 2027 chưa có quyết định của Chính phủ: ngày nghỉ tạm tính theo Bộ luật Lao động.\n')
    const en = await motcua(
      ['due', '--received', '2026-12-30T10:00', '--duration', '40cd', '--explain', '--lang', 'en'],
      dir,
    )
    expect(en.stderr).toBe('')
    expect(en.stdout).toMatch(/^2027-02-11T17:00:00\+07:00\n/)
    expect(en.stdout).toMatch(
      /\n2027 has no Government decision yet: the days off are provisional, by the Labour Code\.\n$/,
    )
    expect(await due('2026-11-20T10:00', '2wd')).toBe('2026-11-25T10:00:00+07:00') // 24/11/2026: a decided year
  })

  it('a calendar file can extend the official calendar', async () => {
    const file = join(dir, 'official-plus.json')
    await writeFile(
      file,
      JSON.stringify({ extends: 'official', holidays: [{ date: '2025-05-06', name: 'Nghỉ địa phương' }] }),
    )
    expect(await due('2025-04-29T10:00:00+07:00', '2wd', '--calendar', file)).toBe('2025-05-07T10:00:00+07:00')
    const run = await motcua(
      ['due', '--received', '2025-04-29T10:00', '--duration', '2wd', '--calendar', file, '--explain'],
      dir,
    )
    expect(run.stdout).toContain(`  2025-05-06 (thứ Ba) nghỉ: Nghỉ địa phương. Nguồn: tệp ${file}`)
    expect(run.stdout).toContain('Nguồn: Thông báo số 6150/TB-BLĐTBXH')
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
      [
        ['--received', '2012-12-31T10:00', '--duration', '1wd'],
        /^motcua due: Lịch chỉ tính được cho các năm 2013–2190/,
      ],
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
