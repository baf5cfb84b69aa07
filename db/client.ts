import 'server-only'
import path from 'node:path'
import fs from 'node:fs'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import * as schema from './schema'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** A transaction handle; domain functions take either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbOrTx = Db | Tx

type Handle = {
  db: Db; kind: 'pglite' | 'postgres'; close: () => Promise<void>
  /**
   * LISTEN: notifications arrive only after the sender commits. On Postgres on a dedicated
   * connection (every instance hears every NOTIFY); on PGlite in-process, from the same engine.
   */
  listen?: (channel: string, fn: (payload: string) => void) => Promise<() => Promise<void>>
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations')

// One handle per process, kept on globalThis so Next's dev-mode module reloads
// don't open a second PGlite on the same data directory.
const g = globalThis as unknown as { __helpdeskDb?: Promise<Handle>; __helpdeskQueryLog?: QueryLog }

type QueryLog = (query: string, params: unknown[]) => void
/**
 * Lets the benchmark record the exact SQL and parameters the data layer sends (its query
 * floors, EXPLAIN plans). A no-op unless a hook is installed with `captureQueries`.
 */
const logger = { logQuery: (query: string, params: unknown[]) => g.__helpdeskQueryLog?.(query, params) }
export function captureQueries(hook: QueryLog | undefined) {
  g.__helpdeskQueryLog = hook
}

export function dataDir(): string {
  return process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), 'data', 'pglite')
}

async function open(): Promise<Handle> {
  const url = process.env.DATABASE_URL
  if (url) {
    const { default: postgres } = await import('postgres')
    const { drizzle } = await import('drizzle-orm/postgres-js')
    const client = postgres(url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // While the server is down or restarting, a request fails within seconds (and the page
      // says "try again") instead of waiting out postgres.js's 30 s default connect timeout.
      connect_timeout: Number(process.env.DATABASE_CONNECT_TIMEOUT ?? 5),
      // Idle connections are let go, and none lives forever, so a pool recovers from a
      // restart or failover with fresh connections rather than ones to the old server.
      idle_timeout: 60,
      max_lifetime: 30 * 60,
      onnotice: () => {},
      // No JIT: the app's queries are short index walks whose cost estimates (a capped count
      // over a full-text match, say) look large enough to trigger compilation, which then
      // costs more than the query — 237 ms of JIT around a 30 ms search count at 1M tickets.
      // Sent as a start-up parameter, so it holds for every connection of the pool.
      //
      // Prepared statements (see `preparing`) are planned afresh on every execution: a cached
      // generic plan cannot use the partial indexes whose predicates name statuses, and one
      // planned for a small organisation would be reused for one holding 60 % of the tickets.
      // What preparing saves is the parse and the extra Describe round trip before each query.
      connection: { jit: 'off', plan_cache_mode: 'force_custom_plan' },
    })
    const prepared = process.env.DATABASE_PREPARE !== 'off' ? preparing(client) : client
    const db = drizzle(prepared, { schema, casing: 'snake_case', logger }) as unknown as Db
    const listen = async (channel: string, fn: (payload: string) => void) => {
      const { unlisten } = await client.listen(channel, fn)
      return unlisten
    }
    return { db, kind: 'postgres', close: () => client.end(), listen }
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { pgliteExtensions } = await import('./pglite-extensions')
  const { drizzle } = await import('drizzle-orm/pglite')
  const { migrate } = await import('drizzle-orm/pglite/migrator')
  const dir = dataDir()
  // memory:// keeps tests in-process and throwaway; anything else is a directory on disk.
  if (!dir.startsWith('memory://')) fs.mkdirSync(dir, { recursive: true })
  // Tests start each in-memory database from a migrated template (see test/global-setup.ts).
  const template = process.env.PGLITE_TEMPLATE
  const client = template && dir.startsWith('memory://')
    ? new PGlite(dir, { loadDataDir: new Blob([fs.readFileSync(template)]), extensions: pgliteExtensions })
    : new PGlite(dir, { extensions: pgliteExtensions })
  const db = drizzle(client, { schema, casing: 'snake_case', logger }) as unknown as Db
  await migrate(db as never, { migrationsFolder })
  const listen = async (channel: string, fn: (payload: string) => void) => client.listen(channel, fn)
  return { db, kind: 'pglite', close: () => client.close(), listen }
}

type Sql = import('postgres').Sql

/**
 * The client as drizzle sees it, with every query sent as a named prepared statement:
 * postgres.js keeps each distinct statement per connection and then skips Postgres's
 * parse and analysis, a measurable share of a list page (see the README's benchmark).
 * Drizzle prepares only queries given a name (`.prepare('x')`), and the app's hot queries
 * change shape with their filters, so the flag is set here for all of them, transactions
 * and savepoints included. DATABASE_PREPARE=off turns it off (a pooler in transaction mode).
 */
function preparing<T extends Sql>(sql: T): T {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return (query: string, params?: unknown[], opts?: { prepare?: boolean }) =>
          target.unsafe(query, params as never, { ...opts, prepare: true })
      }
      if (prop === 'begin' || prop === 'savepoint') {
        const original = Reflect.get(target, prop, receiver) as (...a: unknown[]) => unknown
        return (...args: unknown[]) => {
          const fn = args[args.length - 1] as (tx: Sql) => unknown
          return original.apply(target, [...args.slice(0, -1), (tx: Sql) => fn(preparing(tx))])
        }
      }
      const value = Reflect.get(target, prop, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

export function getHandle(): Promise<Handle> {
  g.__helpdeskDb ??= open().catch((err) => {
    g.__helpdeskDb = undefined
    throw err
  })
  return g.__helpdeskDb
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db
}

export async function closeDb(): Promise<void> {
  const h = g.__helpdeskDb
  g.__helpdeskDb = undefined
  if (h) await (await h).close()
}

export { schema }
