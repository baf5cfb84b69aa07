import { z } from 'zod'
import { searchLanguages, type SearchLanguage } from '@/db/enums'

export { searchLanguages, type SearchLanguage }

/** An org's search language (settings → Search). */
export const SearchLanguageInput = z.object({
  language: z.enum(searchLanguages, { errorMap: () => ({ message: 'Choose one of the listed languages.' }) }),
})

export const searchLanguageLabels: Record<(typeof searchLanguages)[number], string> = {
  simple: 'Any language (exact words)', danish: 'Danish', dutch: 'Dutch', english: 'English', finnish: 'Finnish', french: 'French',
  german: 'German', hungarian: 'Hungarian', italian: 'Italian', norwegian: 'Norwegian', portuguese: 'Portuguese', romanian: 'Romanian',
  russian: 'Russian', spanish: 'Spanish', swedish: 'Swedish', turkish: 'Turkish',
}
