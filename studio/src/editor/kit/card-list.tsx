import { useI18n } from '../../i18n/i18n'
import type { DraftDefinition, SectionProps } from '../section'
import { isRecord, move, ownStep } from './keys'

type Item = Record<string, unknown>

/** What a card of a list may do to its own item: change it, move it up or down, remove it. */
export interface ItemEdits<T> {
  edit: (recipe: (item: T) => void, label: string, merge?: string) => void
  move: (by: -1 | 1) => void
  remove: () => void
}

/**
 * Edits one list of the definition (`components`, `fees`) through the section's `change`, creating it when absent:
 * `editList` for the whole list, `itemEdits(i)` for the card of item `i`.
 * @example const { editList, itemEdits } = listEdits(change, 'fees', { move: t('fees.moveLabel'), remove: t('fees.removeLabel') })
 */
export function listEdits<T extends Item>(
  change: SectionProps['change'],
  field: 'components' | 'fees',
  labels: { move: string; remove: string },
) {
  const editList = (recipe: (list: T[]) => void, label: string, merge = ownStep()) =>
    change(
      (d: DraftDefinition) => {
        if (!Array.isArray(d[field])) (d as Record<string, unknown>)[field] = []
        recipe(d[field] as unknown as T[])
      },
      label,
      merge,
    )
  const itemEdits = (i: number): ItemEdits<T> => ({
    edit: (recipe, label, merge) =>
      editList(
        (list) => {
          if (!isRecord(list[i])) list[i] = {} as T
          recipe(list[i]!)
        },
        label,
        merge,
      ),
    move: (by) => editList((list) => move(list, i, by), labels.move),
    remove: () => editList((list) => list.splice(i, 1), labels.remove),
  })
  return { editList, itemEdits }
}

/** A card's "Lên", "Xuống" and "Xóa" (after asking `removeConfirm`), named after the item for screen readers. */
export function CardActions({
  index,
  count,
  name,
  removeConfirm,
  move: moveBy,
  remove,
}: {
  index: number
  count: number
  name: string
  removeConfirm: string
  move: (by: -1 | 1) => void
  remove: () => void
}) {
  const { t } = useI18n()
  return (
    <div className="row sx-actions">
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={index === 0}
        aria-label={t('comp.moveUp', { name })}
        onClick={() => moveBy(-1)}
      >
        {t('sx.up')}
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={index === count - 1}
        aria-label={t('comp.moveDown', { name })}
        onClick={() => moveBy(1)}
      >
        {t('sx.down')}
      </button>
      <button
        type="button"
        className="button button--danger button--small"
        aria-label={t('comp.remove', { name })}
        onClick={() => window.confirm(removeConfirm) && remove()}
      >
        {t('common.delete')}
      </button>
    </div>
  )
}
