import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { formatTime } from '@/lib/format/time'

type Survey = { rating: string | null; comment: string | null; answeredAt: Date | null; sentAt: Date }

/** The requester's survey answers on the staff ticket page (issue 16). */
export function CsatCard({ surveys, tz }: { surveys: Survey[]; tz: string }) {
  if (surveys.length === 0) return null
  return (
    <Card title="Satisfaction">
      <ul aria-label="Satisfaction answers" className="space-y-2 text-sm">
        {surveys.map((s, i) => (
          <li key={i}>
            {s.answeredAt ? (
              <>
                <Badge tone={s.rating === 'good' ? 'green' : 'red'}>{s.rating === 'good' ? '👍 Good' : '👎 Bad'}</Badge>
                <span className="ml-2 text-xs text-slate-600">{formatTime(s.answeredAt, tz)}</span>
                {s.comment && <p className="mt-1 whitespace-pre-wrap text-slate-700">“{s.comment}”</p>}
              </>
            ) : <span className="text-slate-600">Survey sent {formatTime(s.sentAt, tz)}, not answered yet</span>}
          </li>
        ))}
      </ul>
    </Card>
  )
}
