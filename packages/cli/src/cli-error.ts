/** A problem with how the command was called or with its input: one line on stderr, exit code 2. */
export class CliError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en)
    this.name = 'CliError'
  }
}

export type Lang = 'vi' | 'en'

/** The `--lang` option: Vietnamese by default, English on request. */
export function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === 'vi') return 'vi'
  if (value === 'en') return 'en'
  throw new CliError(`--lang phải là vi hoặc en, không phải "${value}"`, `--lang must be vi or en, not "${value}"`)
}

/** Output streams and exit code of one run, so commands stay testable without a process. */
export interface Io {
  out(line: string): void
  err(line: string): void
  lang: Lang
}
