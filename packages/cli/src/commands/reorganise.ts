import type { Io } from '../cli-error'

/**
 * `motcua reorganise`: needs the database and the whole runtime (seed, registry, units), so it lives there; loaded
 * only when called, the other commands start without it.
 */
export async function reorganiseCommand(args: string[], io: Io): Promise<number> {
  const { reorganiseCommand: run } = await import('@motcua/runtime/reorganise')
  return run(args, io)
}
