import {
  addCounters,
  type Figures,
  figuresOf,
  type LiveCounts,
  medianOf,
  type StatCounters,
  zeroCounters,
} from '@motcua/core'
import type { Cell } from './rollup'

interface Acc {
  carriedOver: number
  during: StatCounters
  overdueAtEnd: number
  live?: LiveCounts
  days: Map<number, number>
}

/** Sums of cells (and of the median's histograms) by a key: a unit, a level, a field, a procedure, the province. */
export class Groups {
  private readonly accs = new Map<string, Acc>()
  constructor(private readonly live: boolean) {}

  private acc(key: string): Acc {
    let acc = this.accs.get(key)
    if (!acc) {
      acc = { carriedOver: 0, during: zeroCounters(), overdueAtEnd: 0, days: new Map() }
      if (this.live) acc.live = { inTime: 0, overdue: 0, supplement: 0, payment: 0 }
      this.accs.set(key, acc)
    }
    return acc
  }

  add(key: string, cell: Cell): void {
    const acc = this.acc(key)
    acc.carriedOver += cell.carriedOver
    addCounters(acc.during, cell.during)
    acc.overdueAtEnd += cell.overdueAtEnd
    if (acc.live && cell.live)
      for (const k of ['inTime', 'overdue', 'supplement', 'payment'] as const) acc.live[k] += cell.live[k]
  }

  addDays(key: string, days: number, resolved: number): void {
    const histogram = this.acc(key).days
    histogram.set(days, (histogram.get(days) ?? 0) + resolved)
  }

  keys(): string[] {
    return [...this.accs.keys()]
  }

  /** The figures of a key (zeros when nothing was added under it); the median only where histograms were added. */
  figures(key: string): Figures {
    const acc = this.acc(key)
    return figuresOf({
      carriedOver: acc.carriedOver,
      during: acc.during,
      overdueAtEnd: acc.overdueAtEnd,
      medianDays: medianOf([...acc.days].map(([days, resolved]) => ({ days, resolved }))),
      live: acc.live,
    })
  }
}
