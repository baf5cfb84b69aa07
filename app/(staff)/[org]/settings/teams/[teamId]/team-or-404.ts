import 'server-only'
import { cache } from 'react'
import { getTeam } from '@/lib/teams'
import { orNotFound } from '@/lib/pages/guard'
import { adminPageCtx } from '../../admin-ctx'

/** The team of the URL, or a 404: looked up once per request for the layout and the page's title. */
export const teamOr404 = cache(async (org: string, teamId: string) => orNotFound(getTeam(await adminPageCtx(org), teamId)))
