// The categories domain's public verbs, ctx-first (see lib/tickets/index.ts). Pickers keep
// using listCategories from @/lib/tickets (active ones, for everyone).
export { listCategorySettings } from './queries'
export { createCategory, updateCategory, setCategoryActive, moveCategory, deleteCategory } from './manage'
