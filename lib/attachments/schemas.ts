import { z } from 'zod'
import { MAX_FILES_PER_MESSAGE } from './limits'

// Client-safe: shared by the forms (react-hook-form) and the server actions.

/** Ids of staged uploads sent with a message; one hidden `attachmentIds` input per file. */
export const attachmentIdsField = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().uuid('That file is not available any more; remove it and upload it again'))
    .max(MAX_FILES_PER_MESSAGE, `Attach at most ${MAX_FILES_PER_MESSAGE} files to one message`),
)

export const AttachmentRefInput = z.object({ id: z.string().uuid('Unknown attachment') })
