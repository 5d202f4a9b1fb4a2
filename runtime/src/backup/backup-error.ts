/** Why a backup or a restore was refused or failed: a stable code for programs, a sentence in each language for people. */
export class BackupError extends Error {
  constructor(
    readonly code: string,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en)
    this.name = 'BackupError'
  }
}
