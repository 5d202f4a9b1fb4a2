import { spawnSync } from 'node:child_process'
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { CliError, type Io } from '../cli-error'
import { displayPath } from '../files'
import { configTypesSource } from './config-types'

export const newPluginHelp = `Usage: motcua new-plugin <name> [--root <dir>] [--no-install] [--lang vi|en]

Creates plugins/<name>: package.json, tsconfig, tsup config, src/config.schema.json and its generated
src/config.ts, src/index.ts (a hook and a delivery), src/index.test.ts (the plugin test kit) and a README; adds the
plugin to the root tsconfig.json references and to plugins/README.md, then runs npm install to link it.

Options:
  --root <dir>    the repository (default: the working directory)
  --no-install    do not run npm install
  --lang vi|en    language of the messages (default vi)
  -h, --help      show this help

Example:
  npm run plugin:new -- thong-bao-zalo`

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
const cliDir = dirname(createRequire(import.meta.url).resolve('@motcua/cli/package.json'))
const templateDir = join(cliDir, 'templates', 'plugin')
// The repository the CLI belongs to: where tsconfig.base.json, tsup.shared.ts and the packages are.
const repoDir = resolve(cliDir, '..', '..')

async function templateFiles(dir: string, under = ''): Promise<string[]> {
  const files: string[] = []
  for (const entry of await readdir(join(dir, under), { withFileTypes: true })) {
    const path = join(under, entry.name)
    if (entry.isDirectory()) files.push(...(await templateFiles(dir, path)))
    else files.push(path)
  }
  return files
}

/** `motcua new-plugin`: exit 0 when the plugin was created. */
export async function newPluginCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      'no-install': { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    io.out(newPluginHelp)
    return 0
  }
  const [name, ...extra] = positionals
  if (!name || extra.length)
    throw new CliError(
      'Cần đúng một tên tiện ích, ví dụ: npm run plugin:new -- thong-bao-zalo',
      'Give exactly one plugin name, e.g. npm run plugin:new -- thong-bao-zalo',
    )
  if (!KEBAB.test(name) || name.length > 50)
    throw new CliError(
      `Tên "${name}" không hợp lệ: chỉ chữ thường không dấu, chữ số và dấu gạch ngang, bắt đầu bằng chữ (ví dụ thong-bao-zalo)`,
      `"${name}" is not a valid name: lower-case letters, digits and hyphens, starting with a letter (e.g. thong-bao-zalo)`,
    )
  const root = resolve(values.root ?? '.')
  const pluginDir = join(root, 'plugins', name)
  if (await stat(pluginDir).catch(() => undefined))
    throw new CliError(
      `Đã có ${displayPath(pluginDir)}: chọn tên khác`,
      `${displayPath(pluginDir)} exists: choose another name`,
    )

  const toRepo = relative(pluginDir, repoDir).replaceAll('\\', '/') || '.'
  const fill = (text: string) => text.replaceAll('{{name}}', name).replaceAll('{{root}}', toRepo)
  for (const file of await templateFiles(templateDir)) {
    await mkdir(dirname(join(pluginDir, file)), { recursive: true })
    await writeFile(join(pluginDir, file), fill(await readFile(join(templateDir, file), 'utf8')))
  }
  const schema = JSON.parse(await readFile(join(pluginDir, 'src', 'config.schema.json'), 'utf8'))
  await writeFile(join(pluginDir, 'src', 'config.ts'), await configTypesSource(schema))
  await addReference(root, `plugins/${name}`)
  await addToTable(root, name)
  io.out(`✓ ${displayPath(pluginDir)}`)

  if (!values['no-install']) {
    const npm = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: root,
      stdio: 'inherit',
    })
    if (npm.status !== 0)
      io.err(io.lang === 'vi' ? 'npm install không thành công: chạy lại bằng tay' : 'npm install failed: run it again')
  }
  io.out(
    io.lang === 'vi'
      ? `Tiếp theo: npx vitest run plugins/${name} · npm run dev · hướng dẫn: packages/plugin-sdk/README.md`
      : `Next: npx vitest run plugins/${name} · npm run dev · guide: packages/plugin-sdk/README.md`,
  )
  return 0
}

/** Adds `path` to the root tsconfig.json's references, after the other plugins. */
async function addReference(root: string, path: string): Promise<void> {
  const file = join(root, 'tsconfig.json')
  const config = JSON.parse(await readFile(file, 'utf8')) as { references?: { path: string }[] }
  const references = config.references ?? []
  const lastPlugin = references.findLastIndex((r) => r.path.startsWith('plugins/'))
  references.splice(lastPlugin >= 0 ? lastPlugin + 1 : references.length, 0, { path })
  config.references = references
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`)
}

/** Adds the plugin to the table of plugins/README.md, after its last row. */
async function addToTable(root: string, name: string): Promise<void> {
  const file = join(root, 'plugins', 'README.md')
  const text = await readFile(file, 'utf8').catch(() => undefined)
  if (text === undefined) return
  const lines = text.split('\n')
  const last = lines.findLastIndex((line) => line.startsWith('| ['))
  if (last < 0) return
  lines.splice(
    last + 1,
    0,
    `| [\`${name}\`](${name}/README.md) | posts a dossier's new status to a web address (from the template: describe it) |`,
  )
  await writeFile(file, lines.join('\n'))
}
