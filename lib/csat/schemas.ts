import { z } from 'zod'

// Client-safe: the survey forms (public page and portal) and the domain.

export const csatRatings = ['good', 'bad'] as const
export type CsatRating = (typeof csatRatings)[number]
export const CSAT_COMMENT_MAX = 2000

const rating = z.enum(csatRatings, { errorMap: () => ({ message: 'Choose good or bad' }) })
const comment = z.string().trim().max(CSAT_COMMENT_MAX, `Keep the comment under ${CSAT_COMMENT_MAX.toLocaleString('en')} characters`).default('')

export const AnswerSurveyInput = z.object({ token: z.string().min(1).max(200), rating, comment })
export const AnswerSurveyInPortalInput = z.object({ number: z.coerce.number().int().positive().max(2_147_483_647), rating, comment })
export const CsatRangeInput = z.object({ from: z.coerce.date(), to: z.coerce.date() }).refine((r) => r.from <= r.to, { path: ['to'], message: 'End after the start' })
