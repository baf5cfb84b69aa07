import type { NextRequest } from 'next/server'

/**
 * Works around a Next 15.5 race (vercel/next.js#85416; fixed by #85418 in 16.x, not
 * backported to 15.x): with Node middleware, Next tees the request body — one copy for
 * the middleware, one kept for the page — and hands the kept copy over in `finalize()`,
 * which it calls without awaiting. When the body is still arriving as the middleware
 * returns (a slow or large upload from a browser, or a busy server), the server action
 * reads the request before the hand-over and sees a body with no fields ("Organisation
 * missing from the request").
 *
 * Reading a clone of the middleware's copy to its end makes the middleware return only
 * after the whole body has arrived, so the hand-over is done before anything reads the
 * request. A clone, so the middleware's own request stays unread: Auth.js's middleware
 * builds a new request from it, which a consumed body would make throw. Next buffers the
 * body anyway (bounded by middlewareClientMaxBodySize, 10 MB); uploads go to /api/, which
 * the middleware does not run on.
 * Remove it with the move to a Next release that awaits `finalize()`.
 */
export async function awaitFullBody(req: NextRequest): Promise<void> {
  if (req.method === 'GET' || req.method === 'HEAD' || !req.body) return
  // A client that gives up mid-upload: its request fails where it is read, not here.
  await req.clone().arrayBuffer().catch(() => undefined)
}
