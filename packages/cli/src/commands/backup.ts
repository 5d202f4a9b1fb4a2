import type { Io } from '../cli-error'

/** `motcua backup` and `motcua restore`: they need the database, so they live in the runtime, loaded when called. */
export async function backupCommand(args: string[], io: Io): Promise<number> {
  const { backupCommand: run } = await import('@motcua/runtime/backup')
  return run(args, io)
}

export async function restoreCommand(args: string[], io: Io): Promise<number> {
  const { restoreCommand: run } = await import('@motcua/runtime/backup')
  return run(args, io)
}
