import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { motcua, noStackTrace } from './test-support'

/** A small valid definition: receive → process → return, two working days. */
function definition(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    code: '9.000001',
    name: 'Thủ tục thử',
    level: 'commune',
    field: 'Thử nghiệm',
    agency: 'Ủy ban nhân dân cấp xã',
    legalBasis: [],
    effective: { from: '2025-01-01' },
    onlineMode: { mode: 'full' },
    processingTime: { kind: 'workingDays', days: 2 },
    form: {
      schema: {
        type: 'object',
        required: ['ho_ten'],
        properties: {
          ho_ten: { type: 'string', title: 'Họ và tên', minLength: 1 },
          so_dien_thoai: { type: 'string', format: 'vn-mobile' },
        },
      },
    },
    components: [],
    fees: [],
    steps: [
      {
        key: 'tiep_nhan',
        name: 'Tiếp nhận',
        role: 'receiving_officer',
        status: 1,
        actions: [
          { key: 'tiep_nhan', type: 'receive', label: 'Tiếp nhận', to: 'xu_ly' },
          { key: 'tu_choi', type: 'refuse', label: 'Từ chối', to: '$refused', requires: ['reason'] },
        ],
      },
      {
        key: 'xu_ly',
        name: 'Xử lý',
        role: 'specialist',
        status: 4,
        actions: [{ key: 'xong', type: 'forward', label: 'Xong', to: 'tra' }],
      },
      {
        key: 'tra',
        name: 'Trả kết quả',
        role: 'receiving_officer',
        status: 9,
        actions: [{ key: 'tra', type: 'return', label: 'Trả', to: '$returned' }],
      },
    ],
  }
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-cli-'))
  await mkdir(join(dir, 'library', 'thu-tuc-tot'), { recursive: true })
  await mkdir(join(dir, 'library', 'thu-tuc-hong'), { recursive: true })
  await writeFile(join(dir, 'library', 'thu-tuc-tot', 'procedure.json'), JSON.stringify(definition()))
  const broken = definition() as { steps: { actions: { to: string }[] }[] }
  broken.steps[1]!.actions[0]!.to = 'tra_kq'
  await writeFile(join(dir, 'library', 'thu-tuc-hong', 'procedure.json'), JSON.stringify(broken))
  await writeFile(join(dir, 'not-json.json'), '{ "schemaVersion": 1,')
  const marked = definition() as { conditions?: string[]; steps: { name: string }[] }
  marked.conditions = ['Có giấy tờ tùy thân (verify)']
  marked.steps[1]!.name = 'Xử lý TODO'
  await writeFile(join(dir, 'marked.json'), JSON.stringify(marked))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe.concurrent('motcua', () => {
  it('prints usage and exits 2 without a command or with an unknown one', async () => {
    const none = await motcua([])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('Usage: motcua <command>')
    const unknown = await motcua(['frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/^Lệnh không tồn tại: frobnicate\n\nUsage: motcua/)
  })

  it('has help for itself and each command', async () => {
    expect(await motcua(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Commands:') })
    for (const command of ['validate', 'types', 'due']) {
      const help = await motcua([command, '--help'])
      expect(help.code).toBe(0)
      expect(help.stdout).toContain(`Usage: motcua ${command}`)
    }
  })
})

describe.concurrent('motcua validate', () => {
  it('prints ✓ and exits 0 for a valid file', async () => {
    const run = await motcua(['validate', 'library/thu-tuc-tot/procedure.json'], dir)
    expect(run).toEqual({ code: 0, stdout: '✓ library/thu-tuc-tot/procedure.json\n', stderr: '' })
  })

  it('lists every issue of a broken file and exits 1', async () => {
    const run = await motcua(['validate', join(dir, 'library')], dir)
    expect(run.code).toBe(1)
    expect(run.stdout.trim().split('\n')).toEqual([
      'library/thu-tuc-hong/procedure.json: /steps/1/actions/0/to: Đích "tra_kq" của thao tác "xong" không phải một bước hay kết thúc ($returned, $refused, $withdrawn, $stopped): hãy sửa thành mã một bước có trong danh sách hoặc một kết thúc (action.unknownTarget)',
      'library/thu-tuc-hong/procedure.json: /steps/1: Từ bước "xu_ly" không có đường tới kết thúc (trả kết quả, từ chối, rút hoặc dừng): hãy thêm một thao tác dẫn tới bước sau hoặc tới kết thúc (step.noTerminal)',
      'library/thu-tuc-hong/procedure.json: /steps/2: Không thể tới bước "tra" từ bước đầu "tiep_nhan": hãy thêm một thao tác dẫn tới bước này, hoặc xoá bước (step.unreachable)',
      '✓ library/thu-tuc-tot/procedure.json',
    ])
  })

  it('says when a valid definition is retired or scheduled on the day (default today)', async () => {
    const retired = await motcua(['validate', '../../procedures/doi-giay-phep-lai-xe/procedure.json'])
    expect(retired).toMatchObject({
      code: 0,
      stdout: '✓ ../../procedures/doi-giay-phep-lai-xe/procedure.json (hết hiệu lực từ ngày 01/03/2025)\n',
    })
    const before = await motcua([
      'validate',
      '--at',
      '2025-02-28',
      '../../procedures/doi-giay-phep-lai-xe/procedure.json',
    ])
    expect(before.stdout).toBe('✓ ../../procedures/doi-giay-phep-lai-xe/procedure.json\n')
    const scheduled = await motcua(
      ['validate', '--lang', 'en', '--at', '2024-12-31', 'library/thu-tuc-tot/procedure.json'],
      dir,
    )
    expect(scheduled.stdout).toBe('✓ library/thu-tuc-tot/procedure.json (scheduled from 2025-01-01)\n')
    const json = await motcua(['validate', '--json', '--at', '2025-03-01', 'library/thu-tuc-tot/procedure.json'], dir)
    expect(JSON.parse(json.stdout)).toEqual([
      { file: 'library/thu-tuc-tot/procedure.json', ok: true, issues: [], period: 'inForce' },
    ])
    const bad = await motcua(['validate', '--at', '2025-02-30', 'library'], dir)
    expect(bad).toMatchObject({
      code: 2,
      stderr: 'motcua validate: --at phải là một ngày dạng YYYY-MM-DD, không phải "2025-02-30"\n',
    })
  })

  it('speaks English and JSON on request', async () => {
    const en = await motcua(['validate', '--lang', 'en', 'library/thu-tuc-hong/procedure.json'], dir)
    expect(en.stdout).toContain(
      ': /steps/2: Step "tra" cannot be reached from the first step "tiep_nhan" (step.unreachable)',
    )
    const json = await motcua(['validate', '--json', 'library'], dir)
    expect(json.code).toBe(1)
    const results = JSON.parse(json.stdout) as { file: string; ok: boolean; issues: { code: string; path: string }[] }[]
    expect(results.map((r) => [r.file, r.ok, r.issues.map((i) => i.code)])).toEqual([
      ['library/thu-tuc-hong/procedure.json', false, ['action.unknownTarget', 'step.noTerminal', 'step.unreachable']],
      ['library/thu-tuc-tot/procedure.json', true, []],
    ])
  })

  it('rejects editing marks in text citizens see', async () => {
    const run = await motcua(['validate', 'marked.json'], dir)
    expect(run.code).toBe(1)
    expect(run.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^marked\.json: \/conditions\/0: Người dân sẽ thấy dấu biên tập "\(verify\)" .* \(text\.editingMark\)$/,
      ),
      expect.stringMatching(
        /^marked\.json: \/steps\/1\/name: Người dân sẽ thấy dấu biên tập "TODO" .* \(text\.editingMark\)$/,
      ),
    ])
    const library = await motcua(['validate', '../../procedures'])
    expect(library.code).toBe(0)
    expect(library.stdout).toMatch(/^✓ .*dang-ky-khai-sinh\/procedure\.json$/m)
  })

  it('reports a file that is not JSON as invalid', async () => {
    const run = await motcua(['validate', 'not-json.json'], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^not-json\.json: \/: Không phải JSON hợp lệ: .* \(json\.syntax\)\n$/)
  })

  it('exits 2 with one line for a missing path or an unknown option', async () => {
    const missing = await motcua(['validate', 'nowhere.json'], dir)
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'motcua validate: Không tìm thấy "nowhere.json"\n' })
    const option = await motcua(['validate', '--frob', 'library'], dir)
    expect(option.code).toBe(2)
    expect(option.stderr.trim().split('\n')).toHaveLength(1)
    noStackTrace(option.stderr)
  })
})

describe('motcua types', () => {
  it('writes one file per valid procedure, named from its folder', async () => {
    const out = join(dir, 'types-out')
    const run = await motcua(['types', 'library', '--out', out], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toBe(`✓ types-out/thu-tuc-tot.ts (ThuTucTotForm)\n`)
    expect(run.stderr).toContain('library/thu-tuc-hong/procedure.json: định nghĩa không hợp lệ, bỏ qua')
    const source = await readFile(join(out, 'thu-tuc-tot.ts'), 'utf8')
    expect(source).toContain('GENERATED by `motcua types` from library/thu-tuc-tot/procedure.json')
    expect(source).toContain('export interface ThuTucTotForm {')
    expect(source).toMatch(/\* Họ và tên\n\s+\*\/\n\s+ho_ten: string\n/)
    expect(source).not.toContain('export type')
    expect(source).toMatch(/so_dien_thoai\?: string\n/)
  })

  it('needs --out', async () => {
    const run = await motcua(['types', 'library'], dir)
    expect(run).toMatchObject({ code: 2, stderr: 'motcua types: Thiếu --out <thư mục>\n' })
  })
})
