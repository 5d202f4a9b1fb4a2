import { useI18n } from '../i18n/i18n'
import { showVnd } from '../lib/format'

/** The fees of a dossier with their total, in đồng. */
export function FeeTable({ fees }: { fees: { key: string; name: string; amount: number }[] }) {
  const { t } = useI18n()
  const total = fees.reduce((sum, fee) => sum + fee.amount, 0)
  return (
    <table className="fees">
      <tbody>
        {fees.map((fee) => (
          <tr key={fee.key}>
            <th scope="row">{fee.name}</th>
            <td>{showVnd(fee.amount)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('form.totalFees')}</th>
          <td>{showVnd(total)}</td>
        </tr>
      </tfoot>
    </table>
  )
}
