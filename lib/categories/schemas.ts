import { z } from 'zod'
import { checkbox } from '@/lib/tickets/schemas'

// Client-safe: the category forms validate with these in the browser, the domain on the server.

export const CATEGORY_NAME_MAX = 80

const name = z.string().trim().min(1, 'Enter a category name').max(CATEGORY_NAME_MAX, `Keep the name under ${CATEGORY_NAME_MAX} characters`)
const categoryId = z.string().uuid('Unknown category')

export const CreateCategoryInput = z.object({ name, sensitive: checkbox.default(false) })
export const UpdateCategoryInput = z.object({ categoryId, name, sensitive: checkbox.default(false) })
export const SetCategoryActiveInput = z.object({ categoryId, active: checkbox })
export const MoveCategoryInput = z.object({ categoryId, direction: z.enum(['up', 'down']) })
export const CategoryRefInput = z.object({ categoryId })
