import { describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { categories } from '@/db/schema'
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors'
import { savePolicy } from '@/lib/sla/policies'
import { createTicket } from '@/lib/tickets/create-ticket'
import { listCategories } from '@/lib/tickets/options'
import { deleteTicket } from '@/lib/tickets/delete-ticket'
import { category, makeOrg, type TestOrg } from '@/test/factory'
import { auditCount, fieldErrorsOf, rowOf } from '@/test/tickets'
import { createCategory, deleteCategory, moveCategory, setCategoryActive, updateCategory } from './manage'
import { listCategorySettings } from './queries'

const row = async (o: TestOrg, id: string) =>
  (await o.db.select().from(categories).where(and(eq(categories.organizationId, o.org.id), eq(categories.id, id))))[0]
const names = async (o: TestOrg) => (await listCategorySettings(o.admin)).map((c) => c.name)

describe('categories are managed by admins', () => {
  it('an admin adds, renames, marks sensitive, deactivates and deletes a category; each step is audited', async () => {
    const o = await makeOrg()
    const c = await createCategory(o.admin, { name: '  Pothole ' })
    expect(c).toMatchObject({ name: 'Pothole', sensitive: false, active: true })
    await updateCategory(o.admin, { categoryId: c.id, name: 'Potholes', sensitive: true })
    expect(await row(o, c.id)).toMatchObject({ name: 'Potholes', sensitive: true })
    await setCategoryActive(o.admin, { categoryId: c.id, active: false })
    expect(await row(o, c.id)).toMatchObject({ active: false })
    await deleteCategory(o.admin, { categoryId: c.id })
    expect(await row(o, c.id)).toBeUndefined()
    for (const action of ['category.created', 'category.updated', 'category.deactivated', 'category.deleted']) expect(await auditCount(o, action, c.id), action).toBe(1)
  })

  it('agents and requesters are refused every change and the list; nothing changes', async () => {
    const o = await makeOrg()
    const id = category(o, 'General')
    for (const ctx of [o.agent, o.requester]) {
      for (const call of [
        () => createCategory(ctx, { name: 'Mine' }),
        () => updateCategory(ctx, { categoryId: id, name: 'Renamed', sensitive: true }),
        () => setCategoryActive(ctx, { categoryId: id, active: false }),
        () => moveCategory(ctx, { categoryId: id, direction: 'down' }),
        () => deleteCategory(ctx, { categoryId: id }),
        () => listCategorySettings(ctx),
      ]) await expect(call()).rejects.toBeInstanceOf(ForbiddenError)
    }
    expect(await row(o, id)).toMatchObject({ name: 'General', sensitive: false, active: true })
  })

  it('another organisation\'s admin cannot see or touch a category', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    const id = category(a, 'General')
    for (const call of [
      () => updateCategory(b.admin, { categoryId: id, name: 'Pwned', sensitive: false }),
      () => setCategoryActive(b.admin, { categoryId: id, active: false }),
      () => moveCategory(b.admin, { categoryId: id, direction: 'down' }),
      () => deleteCategory(b.admin, { categoryId: id }),
    ]) await expect(call()).rejects.toBeInstanceOf(NotFoundError)
    expect((await listCategorySettings(b.admin)).map((c) => c.id)).not.toContain(id)
    expect(await row(a, id)).toMatchObject({ name: 'General', active: true })
  })

  it('names are unique per organisation ignoring case, with the error on the field', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    expect(await fieldErrorsOf(createCategory(a.admin, { name: 'general' }))).toHaveProperty('name')
    const other = await createCategory(a.admin, { name: 'Billing' })
    expect(await fieldErrorsOf(updateCategory(a.admin, { categoryId: other.id, name: 'GENERAL', sensitive: false }))).toHaveProperty('name')
    expect(await fieldErrorsOf(createCategory(a.admin, { name: '   ' }))).toHaveProperty('name')
    await expect(createCategory(b.admin, { name: 'Billing' })).resolves.toMatchObject({ name: 'Billing' })
  })
})

describe('order, use and the pickers', () => {
  it('new categories go last; moving renumbers; pickers follow the order', async () => {
    const o = await makeOrg({ categories: [{ name: 'Zeta' }, { name: 'Alpha' }] })
    expect(await names(o)).toEqual(['Alpha', 'Zeta']) // created together: equal places, by name
    const c = await createCategory(o.admin, { name: 'Beta' })
    expect(await names(o)).toEqual(['Alpha', 'Zeta', 'Beta'])
    await moveCategory(o.admin, { categoryId: c.id, direction: 'up' })
    expect(await names(o)).toEqual(['Alpha', 'Beta', 'Zeta'])
    await moveCategory(o.admin, { categoryId: c.id, direction: 'up' })
    expect(await names(o)).toEqual(['Beta', 'Alpha', 'Zeta'])
    expect(await moveCategory(o.admin, { categoryId: c.id, direction: 'up' })).toEqual({ moved: false })
    expect((await listCategories(o.requester)).map((x) => x.name)).toEqual(['Beta', 'Alpha', 'Zeta'])
    expect(await auditCount(o, 'category.moved', c.id)).toBe(2)
  })

  it('a deactivated category leaves the pickers and cannot be chosen for a new ticket; reactivating brings it back', async () => {
    const o = await makeOrg()
    const id = category(o, 'General')
    await setCategoryActive(o.admin, { categoryId: id, active: false })
    expect((await listCategories(o.requester)).map((c) => c.id)).not.toContain(id)
    expect(await fieldErrorsOf(createTicket(o.requester, { title: 'x', description: 'y', categoryId: id }))).toHaveProperty('categoryId')
    await setCategoryActive(o.admin, { categoryId: id, active: true })
    await expect(createTicket(o.requester, { title: 'x', description: 'y', categoryId: id })).resolves.toMatchObject({ categoryId: id })
    expect(await auditCount(o, 'category.activated', id)).toBe(1)
  })

  it('a category in use by a ticket (even soft-deleted) or an SLA policy cannot be deleted', async () => {
    const o = await makeOrg()
    const used = await createCategory(o.admin, { name: 'Used' })
    const t = await createTicket(o.requester, { title: 'x', description: 'y', categoryId: used.id })
    await deleteTicket(o.admin, { number: t.number })
    await expect(deleteCategory(o.admin, { categoryId: used.id })).rejects.toThrow(/1 ticket; deactivate it instead/)
    expect(await row(o, used.id)).toBeDefined()
    const policed = await createCategory(o.admin, { name: 'Policed' })
    await savePolicy(o.admin, { priority: 'high', categoryId: policed.id, responseMinutes: 60, resolutionMinutes: 120, businessHours: false })
    const err = await deleteCategory(o.admin, { categoryId: policed.id }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ConflictError)
    expect((await listCategorySettings(o.admin)).find((c) => c.id === policed.id)?.usage).toEqual({ tickets: 0, rules: 0, policies: 1 })
    expect(await auditCount(o, 'category.deleted')).toBe(0)
  })

  it('marking a category sensitive restricts tickets filed in it from then on', async () => {
    const o = await makeOrg()
    const id = category(o, 'General')
    const before = await createTicket(o.requester, { title: 'Before', description: 'y', categoryId: id })
    await updateCategory(o.admin, { categoryId: id, name: 'General', sensitive: true })
    const after = await createTicket(o.requester, { title: 'After', description: 'y', categoryId: id })
    expect((await rowOf(o, before.number)).sensitive).toBe(false)
    expect((await rowOf(o, after.number)).sensitive).toBe(true)
  })
})
