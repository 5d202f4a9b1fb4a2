import type { Issue } from '../errors'

/** Builds an issue with a Vietnamese and an English message. */
export const issue = (code: string, path: string, vi: string, en: string, params?: Record<string, unknown>): Issue =>
  params ? { code, path, message: { vi, en }, params } : { code, path, message: { vi, en } }

/** A plain JSON object (not an array, not null). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
