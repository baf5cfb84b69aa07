// Bulk loads run without the tables' indexes and constraints, which are rebuilt once at the
// end (a sorted build is many times faster than a million random inserts into each index).
// The definitions are read from the catalogue, so indexes added by later migrations are
// kept too, and everything happens inside the caller's transaction: if the load fails,
// the drop rolls back with it and the schema is untouched.
import type postgres from 'postgres'

type Tx = postgres.TransactionSql

type Def = { name: string; table: string; def: string }

export async function withoutIndexes(tx: Tx, tables: string[], load: () => Promise<void>): Promise<void> {
  const rels = tables.map((t) => `'public.${t}'::regclass`).join(', ')
  // Foreign keys on these tables, and those of other tables that point at them (they depend on the primary keys).
  const fks = await tx.unsafe<Def[]>(`
    select conname as name, conrelid::regclass::text as table, pg_get_constraintdef(oid) as def from pg_constraint
    where contype = 'f' and (conrelid in (${rels}) or confrelid in (${rels})) order by conname`)
  const keys = await tx.unsafe<Def[]>(`
    select conname as name, conrelid::regclass::text as table, pg_get_constraintdef(oid) as def from pg_constraint
    where contype in ('p', 'u') and conrelid in (${rels}) order by conname`)
  const indexes = await tx.unsafe<Def[]>(`
    select i.indexrelid::regclass::text as name, i.indrelid::regclass::text as table, pg_get_indexdef(i.indexrelid) as def
    from pg_index i where i.indrelid in (${rels})
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u'))
    order by 1`)
  for (const f of fks) await tx.unsafe(`alter table ${f.table} drop constraint "${f.name}"`)
  for (const k of keys) await tx.unsafe(`alter table ${k.table} drop constraint "${k.name}"`)
  for (const i of indexes) await tx.unsafe(`drop index ${i.name}`)

  await load()

  for (const k of keys) await tx.unsafe(`alter table ${k.table} add constraint "${k.name}" ${k.def}`)
  for (const i of indexes) await tx.unsafe(i.def)
  for (const f of fks) await tx.unsafe(`alter table ${f.table} add constraint "${f.name}" ${f.def}`)
}
