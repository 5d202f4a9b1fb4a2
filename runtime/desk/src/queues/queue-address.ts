/** The desk's queues (tabs), in the order of their shortcuts 1–9; `consultations` lists the requests sent to my units. */
export const tabs = [
  'reception',
  'inProgress',
  'mine',
  'waiting',
  'linked',
  'consultations',
  'soon',
  'overdue',
  'toReturn',
] as const
export type Tab = (typeof tabs)[number]

/** Each tab's name in the address (`/desk?hang=qua-han`); the default tab has none. */
const slugs: Record<Tab, string> = {
  reception: 'cho-tiep-nhan',
  inProgress: 'dang-xu-ly',
  mine: 'cua-toi',
  waiting: 'cho-bo-sung',
  linked: 'lien-thong',
  consultations: 'y-kien',
  soon: 'sap-den-han',
  overdue: 'qua-han',
  toReturn: 'cho-tra',
}
const DEFAULT_TAB: Tab = 'inProgress'
export const PAGE_SIZE = 50

/** What the queue page shows, as kept in the address bar. */
export interface QueueView {
  tab: Tab
  q: string
  unit: string
  status: string
  channel: string
  /** A procedure's code. */
  procedure: string
  page: number
}

/**
 * Reads the view from the address's query: `hang`, `q`, `don-vi`, `trang-thai`, `kenh`, `thu-tuc`, `trang`.
 * @example readView(new URLSearchParams('hang=qua-han&trang=2')) // { tab: 'overdue', page: 2, q: '', … }
 */
export function readView(query: URLSearchParams): QueueView {
  const slug = query.get('hang')
  const tab = tabs.find((t) => slugs[t] === slug) ?? DEFAULT_TAB
  const page = Number(query.get('trang'))
  return {
    tab,
    q: query.get('q') ?? '',
    unit: query.get('don-vi') ?? '',
    status: /^([1-9]|10)$/.test(query.get('trang-thai') ?? '') ? query.get('trang-thai')! : '',
    channel: /^[1-3]$/.test(query.get('kenh') ?? '') ? query.get('kenh')! : '',
    procedure: /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(query.get('thu-tuc') ?? '') ? query.get('thu-tuc')! : '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  }
}

/** The address of a view, leaving out what is at its default. */
export function viewAddress(view: QueueView): string {
  const query = new URLSearchParams()
  if (view.tab !== DEFAULT_TAB) query.set('hang', slugs[view.tab])
  if (view.q) query.set('q', view.q)
  if (view.unit) query.set('don-vi', view.unit)
  if (view.status) query.set('trang-thai', view.status)
  if (view.channel) query.set('kenh', view.channel)
  if (view.procedure) query.set('thu-tuc', view.procedure)
  if (view.page > 1) query.set('trang', String(view.page))
  const text = query.toString()
  return text ? `/desk?${text}` : '/desk'
}

/** The API's query for a view's page of dossiers (not for the consultations tab). */
export function apiQuery(view: QueueView): string {
  const query = new URLSearchParams({ queue: view.tab, limit: String(PAGE_SIZE) })
  if (view.q.trim()) query.set('q', view.q.trim())
  if (view.unit) query.set('unit', view.unit)
  if (view.status) query.set('status', view.status)
  if (view.channel) query.set('channel', view.channel)
  if (view.procedure) query.set('procedure', view.procedure)
  if (view.page > 1) query.set('offset', String((view.page - 1) * PAGE_SIZE))
  return query.toString()
}
