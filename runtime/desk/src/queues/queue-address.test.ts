import { describe, expect, it } from 'vitest'
import { apiQuery, readView, viewAddress } from './queue-address'

describe('the queue in the address bar', () => {
  it('reads and writes the tab, search, filters and page, leaving out defaults', () => {
    const view = readView(new URLSearchParams('hang=qua-han&q=nguyen+van&don-vi=06649&kenh=2&thu-tuc=1.001193&trang=3'))
    expect(view).toEqual({
      tab: 'overdue',
      q: 'nguyen van',
      unit: '06649',
      status: '',
      channel: '2',
      procedure: '1.001193',
      page: 3,
    })
    expect(viewAddress(view)).toBe('/desk?hang=qua-han&q=nguyen+van&don-vi=06649&kenh=2&thu-tuc=1.001193&trang=3')
    expect(apiQuery(view)).toBe(
      'queue=overdue&limit=50&q=nguyen+van&unit=06649&channel=2&procedure=1.001193&offset=100',
    )
    expect(viewAddress(readView(new URLSearchParams('hang=dang-xu-ly&trang=1')))).toBe('/desk')
  })

  it('ignores what it cannot read', () => {
    expect(readView(new URLSearchParams('hang=khac&trang=-2&trang-thai=11&kenh=x&thu-tuc=%3Cx%3E'))).toMatchObject({
      tab: 'inProgress',
      page: 1,
      status: '',
      channel: '',
      procedure: '',
    })
  })

  it('asks the API for the page the address names', () => {
    expect(apiQuery(readView(new URLSearchParams('hang=cho-tiep-nhan&q=%20an%20binh&trang=2')))).toBe(
      'queue=reception&limit=50&q=an+binh&offset=50',
    )
  })
})
