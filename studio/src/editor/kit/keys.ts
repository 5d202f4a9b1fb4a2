import { foldVietnamese } from '@motcua/core'

/**
 * A key for a new item: its name without diacritics in snake case (the format's keys), numbered when taken.
 * @example newKey('Tờ khai đăng ký', ['to_khai_dang_ky'], 'thanh_phan') // 'to_khai_dang_ky_2'
 */
export function newKey(name: string, taken: Iterable<unknown>, fallback: string): string {
  const slug =
    foldVietnamese(name)
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 40)
      .replace(/_+$/, '') || fallback
  const used = new Set([...taken].filter((k): k is string => typeof k === 'string'))
  if (!used.has(slug)) return slug
  let n = 2
  while (used.has(`${slug}_${n}`)) n++
  return `${slug}_${n}`
}

/** Moves an item of a list one place up (-1) or down (+1), in place; nothing at the ends. */
export function move<T>(list: T[], index: number, by: -1 | 1): void {
  const to = index + by
  if (index < 0 || to < 0 || index >= list.length || to >= list.length) return
  const [item] = list.splice(index, 1)
  list.splice(to, 0, item as T)
}

/** The list at `value`, or a new empty one: drafts may hold anything. */
export const listOf = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : [])

/** Whether a value is a plain object. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A number typed in an input, or undefined when blank or not a number. */
export function numberFrom(text: string): number | undefined {
  if (text.trim() === '') return undefined
  const n = Number(text.replace(',', '.'))
  return Number.isFinite(n) ? n : undefined
}

let steps = 0
/**
 * A merge key of its own for `change`, so this edit is one undo step however soon the next comes (adding,
 * removing, moving, ticking); typing in a box passes the box's path instead, so the typing is one step.
 */
export const ownStep = (): string => `step:${++steps}`
