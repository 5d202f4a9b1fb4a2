import type { DefinitionChange, Issue, ProcedureDefinition } from '@motcua/core'
import { api } from '@motcua/web-kit'

// The shapes of the administrators' procedure API (runtime/src/routes/studio-procedures.ts, authoring.ts, published.ts).

export type ProcedureState = 'draft' | 'published' | 'scheduled' | 'retired'

export interface Approval {
  requestedBy: string | null
  requestedByMe: boolean
  requestedAt: string
  effectiveFrom: string | null
}

/** One procedure of `GET /api/admin/procedures`. */
export interface AdminProcedure {
  code: string
  name: string
  level: string | null
  field: string | null
  ownerUnitCode: string | null
  ownerUnitName: string | null
  state: ProcedureState
  version: number | null
  scheduled: { version: number; from: string } | null
  draft: {
    id: string
    updatedAt: string
    updatedBy: string | null
    ok: boolean
    problems: number
    awaitingApproval: Approval | null
  } | null
  unpublishedChanges: boolean
}

/** A unit the administrator administers (`GET /api/admin/units`). */
export interface AdminUnit {
  code: string
  name: string
  level: string
  parentCode: string | null
}

export interface LibraryEntry {
  folder: string
  code: string
  name: string
  level: string
  field: string
  taken: boolean
}

/** A draft as the API shows it (`POST /api/admin/drafts`, `GET /api/admin/drafts/:id`). */
export interface DraftView {
  id: string
  procedureCode: string
  ownerUnitCode: string | null
  definition: Record<string, unknown>
  updatedAt: string
  validation: { ok: boolean; issues: Issue[] }
  awaitingApproval: Approval | null
  lastRejection: { by: string | null; at: string; note: string | null } | null
}

export type VersionState = 'inForce' | 'scheduled' | 'superseded' | 'retired'

/** One published version (`GET /api/admin/procedures/:code/versions`). */
export interface VersionRow {
  version: number
  publishedAt: string
  effectiveFrom: string
  effective: { from: string; to?: string | null }
  state: VersionState
  scheduledFrom?: string
  /** Who published it, when the API tells. */
  publishedBy?: string | null
}

export interface DraftDiff {
  against: { version: number } | null
  changes: DefinitionChange[]
}

export type PublishOutcome =
  | { code: string; version: number }
  | { awaitingApproval: true; requestedBy: string; requestedAt: string; effectiveFrom: string | null }

/** A published procedure of the public catalogue (`GET /api/procedures`). */
export interface CatalogueEntry {
  code: string
  name: string
  level: string
  field: string
  agency: string | null
  version: number
}

export interface Offering {
  code: string
  version: number
  units: {
    unit: { code: string; name: string; level: string }
    offered: boolean
    by: string
    reason: { code: string; message: { vi: string; en: string } } | null
  }[]
}

export const listProcedures = () => api<{ items: AdminProcedure[] }>('/api/admin/procedures').then((r) => r.items)
export const listUnits = () => api<AdminUnit[]>('/api/admin/units')

const enc = encodeURIComponent

/** A draft of a published procedure from one of its versions (default: the newest). */
export const draftFromVersion = (code: string, fromVersion?: number) =>
  api<DraftView>(`/api/admin/procedures/${enc(code)}/drafts`, {
    method: 'POST',
    body: fromVersion ? { fromVersion } : {},
  })

export const deleteDraft = (id: string) => api<void>(`/api/admin/drafts/${enc(id)}`, { method: 'DELETE' })

export const createDraft = (definition: Record<string, unknown>, ownerUnitCode: string | null) =>
  api<DraftView>('/api/admin/drafts', {
    method: 'POST',
    body: { definition, ...(ownerUnitCode ? { ownerUnitCode } : {}) },
  })

export const versionDefinition = (code: string, version: number) =>
  api<{ definition: ProcedureDefinition }>(`/api/admin/procedures/${enc(code)}/versions/${version}`)

export const procedurePath = (code: string) => `/studio/thu-tuc/${enc(code)}`
export const draftPath = (id: string) => `/studio/nhap/${enc(id)}`
