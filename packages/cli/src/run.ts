import { DomainError } from '@motcua/core'
import { CliError, type Io, type Lang } from './cli-error'
import { backupCommand, restoreCommand } from './commands/backup'
import { configTypesCommand } from './commands/config-types'
import { dueCommand } from './commands/due'
import { newPluginCommand } from './commands/new-plugin'
import { reorganiseCommand } from './commands/reorganise'
import { typesCommand } from './commands/types'
import { validateCommand } from './commands/validate'

export const usage = `Usage: motcua <command> [options]

Commands:
  validate <file|dir>…                  validate procedure definitions (a dir = every **/procedure.json)
  types <file|dir>… --out <dir>         write the TypeScript type of each procedure's form data
  config-types <plugin dir>… [--check]  write the TypeScript type of each plugin's configuration schema
  new-plugin <name>                     create plugins/<name> from the plugin template
  due --received <time> --duration <d>  compute a due time (working days, hours, same day, calendar days)
  reorganise <list|preview|apply> …     reorganise the administrative units by plans (reorganisations/*.json)
  backup [file]                         back the database up (pg_dump, or a copy of the PGlite folder) with a manifest
  restore <file> [--force]              restore a backup into an empty database and check it against its manifest

Run "motcua <command> --help" for the options of a command.`

const commands: Record<string, (args: string[], io: Io) => Promise<number>> = {
  validate: validateCommand,
  types: typesCommand,
  'config-types': configTypesCommand,
  'new-plugin': newPluginCommand,
  due: dueCommand,
  reorganise: reorganiseCommand,
  backup: backupCommand,
  restore: restoreCommand,
}

/** The language for error lines, read before the command parses its own options. */
const langOf = (args: readonly string[]): Lang => {
  const i = args.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='))
  const value = i < 0 ? undefined : args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1]
  return value === 'en' ? 'en' : 'vi'
}

/** Runs one command line; returns the exit code (0 ok, 1 invalid definitions, 2 bad usage or input). */
export async function run(argv: readonly string[], io: Omit<Io, 'lang'>): Promise<number> {
  const [command, ...args] = argv
  const lang = langOf(argv)
  if (command === undefined) {
    io.err(usage)
    return 2
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(usage)
    return 0
  }
  const handler = Object.hasOwn(commands, command) ? commands[command] : undefined
  if (!handler) {
    io.err(`${lang === 'vi' ? 'Lệnh không tồn tại' : 'Unknown command'}: ${command}\n\n${usage}`)
    return 2
  }
  try {
    return await handler(args, { ...io, lang })
  } catch (error) {
    io.err(`motcua ${command}: ${errorLine(error, lang)}`)
    return 2
  }
}

function errorLine(error: unknown, lang: Lang): string {
  if (error instanceof CliError) return error[lang]
  if (DomainError.is(error)) return error.userMessage[lang]
  // node:util parseArgs errors (unknown option, missing value) carry an ERR_PARSE_ARGS_* code.
  if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) return error.message
  if (error instanceof RangeError) return error.message
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
