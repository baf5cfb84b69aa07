import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'

/**
 * Contrib extensions the migrations create (`CREATE EXTENSION`). Postgres ships them; PGlite
 * must be handed each one when a database is opened, or the migration and every later open fail.
 */
export const pgliteExtensions = { pg_trgm, unaccent, btree_gin }
