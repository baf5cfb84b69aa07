import { randomUUID } from 'node:crypto'

export const RENDER_REVISION_ATTR = 'data-render-revision'

/**
 * A value the server renders afresh on every request, so the browser can tell whether a
 * `router.refresh()` really put the server's new render on screen (use-reliable-refresh.ts).
 * Lives in the root layout, which every refresh renders again (refreshes fetch from the root).
 */
export function RenderRevision() {
  return <span hidden {...{ [RENDER_REVISION_ATTR]: randomUUID() }} />
}
