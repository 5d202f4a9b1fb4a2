import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, openTestRuntime, signIn, submissionForm, type TestRuntime } from '../testing'

const vn = (local: string) => new Date(`${local}+07:00`)
const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh') // district level, 3 working days
const UNIT = '194' // Thành phố Móng Cái: no other suite files dossiers there

interface Queue {
  items: { receiptCode: string; applicantName: string; status: number; step: { key: string } | null }[]
  total: number
}

describe.each(testDrivers())('the desk queue on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = vn('2025-05-05T08:00:00')
  const tokens: Record<string, string> = {}
  const call = async (user: string, method: string, path: string, body?: unknown) => {
    tokens[user] ??= await signIn(runtime, user)
    return runtime.app.request(path, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  }
  const queue = async (user: string, query: string) => {
    const res = await call(user, 'GET', `/api/desk/dossiers?${query}`)
    expect(res.status).toBe(200)
    return (await res.json()) as Queue
  }
  const names = (q: Queue) => q.items.map((d) => d.applicantName)
  const act = async (user: string, code: string, action: string, inputs: Record<string, unknown> = {}) => {
    const { version } = (await (await call(user, 'GET', `/api/desk/dossiers/${code}`)).json()) as { version: number }
    const res = await call(user, 'POST', `/api/desk/dossiers/${code}/actions/${action}`, {
      expectedVersion: version,
      ...inputs,
    })
    expect(res.status).toBe(200)
  }
  const submit = async (fullName: string, at: string) => {
    now = vn(at)
    const res = await runtime.app.request('/api/dossiers', {
      method: 'POST',
      body: submissionForm(business.definition, {
        procedureCode: business.definition.code,
        unitCode: UNIT,
        applicant: { fullName, idNumber: '022190001111', phone: '0904555666' },
        formData: business.sample,
      }),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { receiptCode: string }).receiptCode
  }
  const receiver = `tiepnhan.${UNIT}`
  const specialist = `chuyenvien.${UNIT}`
  const codes: Record<string, string> = {}

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
    // Monday 5 May 2025: A and B wait to be received; C and D are received at once (due Thursday 08:20 and 08:30),
    // E on Tuesday (due Friday 10:00); F is refused
    codes.a = await submit('Nguyễn Văn An', '2025-05-05T08:00:00')
    codes.b = await submit('Trần Thị Bình', '2025-05-05T08:10:00')
    codes.c = await submit('Lê Văn Cường', '2025-05-05T08:20:00')
    await act(receiver, codes.c, 'tiep_nhan')
    codes.d = await submit('Phạm Thị Dung', '2025-05-05T08:30:00')
    await act(receiver, codes.d, 'tiep_nhan')
    codes.e = await submit('Hoàng Văn Em', '2025-05-05T08:40:00')
    codes.f = await submit('Đỗ Thị Phương', '2025-05-05T08:50:00')
    await act(receiver, codes.f, 'tu_choi', { reason: 'Ngành nghề kinh doanh bị cấm' })
    now = vn('2025-05-06T10:00:00')
    await act(receiver, codes.e, 'tiep_nhan')
  })
  afterAll(() => runtime?.close())

  it('pages the queue soonest due first and counts all of it', async () => {
    now = vn('2025-05-07T09:00:00')
    const pages = [
      await queue(receiver, 'limit=2'),
      await queue(receiver, 'limit=2&offset=2'),
      await queue(receiver, 'limit=2&offset=4'),
    ]
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5])
    expect(pages.map(names)).toEqual([
      ['Lê Văn Cường', 'Phạm Thị Dung'],
      ['Hoàng Văn Em', 'Nguyễn Văn An'],
      ['Trần Thị Bình'],
    ])
  })

  it('keeps to the steps my role works with mine=1', async () => {
    expect(names(await queue(receiver, 'mine=1'))).toEqual(['Nguyễn Văn An', 'Trần Thị Bình'])
    expect(names(await queue(specialist, 'mine=1'))).toEqual(['Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'])
    expect(await queue(`lanhdao.${UNIT}`, 'mine=1')).toEqual({ items: [], total: 0 })
  })

  it('lists as due soon what falls due within a working day while its clock runs', async () => {
    now = vn('2025-05-07T09:00:00') // Wednesday: C and D due Thursday morning, E on Friday
    expect(names(await queue(receiver, 'due=soon'))).toEqual(['Lê Văn Cường', 'Phạm Thị Dung'])
    await act(specialist, codes.d!, 'yeu_cau_bo_sung', { missingItems: ['Bản sao hợp đồng thuê nhà'] })
    expect(names(await queue(receiver, 'due=soon'))).toEqual(['Lê Văn Cường']) // D's clock is stopped
    now = vn('2025-05-08T10:30:00')
    expect(names(await queue(receiver, 'due=overdue'))).toEqual(['Lê Văn Cường'])
    expect(names(await queue(receiver, 'due=soon'))).toEqual(['Hoàng Văn Em'])
  })

  it('searches without diacritics, also among dossiers that have ended, those in progress first', async () => {
    expect(names(await queue(receiver, 'q=do thi phuong'))).toEqual(['Đỗ Thị Phương'])
    expect(names(await queue(receiver, `q=${encodeURIComponent(codes.f!)}`))).toEqual(['Đỗ Thị Phương'])
    expect(names(await queue(receiver, 'q=THỊ'))).toEqual(['Phạm Thị Dung', 'Trần Thị Bình', 'Đỗ Thị Phương'])
    expect(names(await queue(receiver, 'q=thi&status=3'))).toEqual(['Đỗ Thị Phương'])
    expect(names(await queue(receiver, 'status=3'))).toEqual(['Đỗ Thị Phương'])
    expect(names(await queue(receiver, `q=${encodeURIComponent(` ${codes.f!.toLowerCase()} `)}`))).toEqual([
      'Đỗ Thị Phương',
    ])
    expect((await queue(receiver, 'q=022190001111')).total).toBe(6) // a whole ID number
    expect((await queue(receiver, 'q=0221900')).total).toBe(6) // part of one
    expect((await queue(receiver, 'q=022190001112')).total).toBe(0)
    // LIKE's wildcards are plain characters in a search
    expect((await queue(receiver, 'q=pham_thi')).total).toBe(0)
    expect((await queue(receiver, 'q=pham%25dung')).total).toBe(0)
  })

  it.each([
    'status=abc',
    'status=1e400',
    'status=0',
    'limit=0',
    'limit=201',
    'offset=-1',
    'offset=10001',
    'due=later',
    'mine=yes',
    'unit=%00',
    'unit=19%204',
    'step=Tham-dinh',
    'q=%00',
    `q=${'a'.repeat(101)}`,
    'q=an',
    'q=%C4%91%E1%BB%97', // đỗ: two letters once folded
    'q=a%20b%20c',
  ])('refuses %s with a 400 naming the parameter', async (query) => {
    const res = await call(receiver, 'GET', `/api/desk/dossiers?${query}`)
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { code: string; message: { vi: string }; issues: { path: string }[] } }
    expect(body.error.code).toBe('INVALID_DATA')
    expect(body.error.issues[0]!.path).toBe(`/query/${query.split('=')[0]}`)
  })

  it('tells what to type when a search is too short', async () => {
    const res = await call(receiver, 'GET', '/api/desk/dossiers?q=an')
    expect(((await res.json()) as { error: { message: { vi: string } } }).error.message.vi).toMatch(
      /ít nhất 3 chữ cái hoặc chữ số/,
    )
  })

  it('shows a supervisor the unit asked for, and nothing of other units to its officers', async () => {
    expect((await queue('admin', `unit=${UNIT}&limit=1`)).total).toBe(5)
    expect((await call(receiver, 'GET', '/api/desk/dossiers?unit=193')).status).toBe(403)
    expect((await call(receiver, 'GET', '/api/desk/dossiers?unit=nowhere')).status).toBe(403)
  })

  it('lists each named queue and counts them all at once', async () => {
    now = vn('2025-05-08T10:30:00') // Thursday: A and B wait to be received, C overdue, D waits for a supplement, E due soon
    expect(names(await queue(receiver, 'queue=reception'))).toEqual(['Nguyễn Văn An', 'Trần Thị Bình'])
    expect(names(await queue(receiver, 'queue=waiting'))).toEqual(['Phạm Thị Dung'])
    expect(names(await queue(receiver, 'queue=overdue'))).toEqual(['Lê Văn Cường'])
    expect(names(await queue(receiver, 'queue=soon'))).toEqual(['Hoàng Văn Em'])
    // D stays at the specialist's step while its clock is stopped
    expect(names(await queue(specialist, 'queue=mine'))).toEqual(['Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'])
    expect((await queue(receiver, 'queue=toReturn')).total).toBe(0)
    expect((await queue(receiver, 'queue=linked')).total).toBe(0)
    expect(names(await queue(receiver, 'queue=reception&q=binh'))).toEqual(['Trần Thị Bình'])
    expect((await queue(receiver, 'channel=1')).total).toBe(0) // every one was filed online
    expect((await queue(receiver, `procedure=${business.definition.code}&channel=2`)).total).toBe(5)
    expect((await queue(receiver, 'procedure=cap-ban-sao')).total).toBe(0)

    const counts = await call(receiver, 'GET', '/api/desk/counts')
    expect(counts.status).toBe(200)
    expect(await counts.json()).toEqual({
      reception: 2,
      inProgress: 5,
      mine: 2,
      waiting: 1,
      linked: 0,
      soon: 1,
      overdue: 1,
      toReturn: 0,
      consultations: 0,
    })
    expect(await (await call(specialist, 'GET', `/api/desk/counts?unit=${UNIT}`)).json()).toMatchObject({ mine: 3 })
  })

  it('keeps another unit’s dossiers out of an officer’s counts and refuses its queue', async () => {
    const other = 'tiepnhan.193'
    expect((await call(other, 'GET', `/api/desk/counts?unit=${UNIT}`)).status).toBe(403)
    expect((await call(other, 'GET', `/api/desk/dossiers?unit=${UNIT}&queue=reception`)).status).toBe(403)
    expect(await (await call(other, 'GET', '/api/desk/counts')).json()).toMatchObject({ inProgress: 0, reception: 0 })
    expect((await queue(other, 'q=nguyen van an')).total).toBe(0)
    expect((await call('admin', 'GET', `/api/desk/counts?unit=${UNIT}`)).status).toBe(200)
  })

  it.each(['queue=all', 'channel=4', 'procedure=Cap%20ban'])('refuses %s with a 400', async (query) => {
    expect((await call(receiver, 'GET', `/api/desk/dossiers?${query}`)).status).toBe(400)
  })
  it('refuses a bad unit on the counts with a 400', async () => {
    expect((await call(receiver, 'GET', '/api/desk/counts?unit=%00')).status).toBe(400)
  })

  it('lists liên thông dossiers in the queue of the unit handling them, and results waiting to be returned', async () => {
    // from 1/7/2025 any commune's counter receives for another commune (Nghị định 118/2025/NĐ-CP)
    now = vn('2025-07-07T08:30:00')
    const birth = libraryProcedure('dang-ky-khai-sinh')
    const intake = await runtime.app.request('/api/desk/intake', {
      method: 'POST',
      headers: { authorization: `Bearer ${await signIn(runtime, 'tiepnhan.06649')}` },
      body: submissionForm(birth.definition, {
        procedureCode: birth.definition.code,
        unitCode: '06709', // the applicant's commune resolves it
        receivingUnitCode: '06649',
        channel: 1,
        applicant: { fullName: 'Vũ Thị Hạnh', idNumber: '022190009999', phone: '0904555777' },
        formData: birth.sample,
      }),
    })
    expect(intake.status, await intake.clone().text()).toBe(201)
    const { receiptCode } = (await intake.json()) as { receiptCode: string }
    const counts = async (user: string) =>
      (await (await call(user, 'GET', '/api/desk/counts')).json()) as Record<string, number>
    expect(names(await queue('chuyenvien.06709', 'queue=linked'))).toEqual(['Vũ Thị Hạnh'])
    expect(await counts('chuyenvien.06709')).toMatchObject({ linked: 1, inProgress: 1, toReturn: 0 })
    expect(await counts('tiepnhan.06649')).toMatchObject({ linked: 0, inProgress: 0 }) // handed over

    for (const user of ['chuyenvien.06709', 'lanhdao.06709']) {
      const desk = (await (await call(user, 'GET', `/api/desk/dossiers/${receiptCode}`)).json()) as {
        actions: { key: string; type: string }[]
      }
      await act(user, receiptCode, desk.actions.find((a) => ['forward', 'approve'].includes(a.type))!.key)
    }
    // back at the counter that received it, the result waits to be returned
    expect(names(await queue('tiepnhan.06649', 'queue=toReturn'))).toEqual(['Vũ Thị Hạnh'])
    expect(await counts('tiepnhan.06649')).toMatchObject({ linked: 1, toReturn: 1, inProgress: 1 })
    expect(await counts('chuyenvien.06709')).toMatchObject({ linked: 0, inProgress: 0 })
  })
})
