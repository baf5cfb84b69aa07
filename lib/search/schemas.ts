import { z } from 'zod'
import { searchLanguages, type SearchLanguage } from '@/db/enums'

export { searchLanguages, type SearchLanguage }

/** An org's search language (settings → Search). */
export const SearchLanguageInput = z.object({
  language: z.enum(searchLanguages, { errorMap: () => ({ message: 'Choose one of the listed languages.' }) }),
})

