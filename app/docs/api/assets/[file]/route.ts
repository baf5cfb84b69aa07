import { readFile } from 'node:fs/promises'
import path from 'node:path'

// Swagger UI (swagger-ui-dist), served from this installation: the docs page works
// offline and loads nothing from a CDN. Only these files, never a path from the request.
const files: Record<string, { from: string; type: string }> = {
  'swagger-ui.css': { from: 'node_modules/swagger-ui-dist/swagger-ui.css', type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { from: 'node_modules/swagger-ui-dist/swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
  'init.js': { from: '', type: 'text/javascript; charset=utf-8' },
}

// Swagger UI draws its sections as <main> elements inside the page's own <main>: two main
// landmarks, one nested. Each of its <main>s, whenever drawn, becomes a named region instead.
const init = `window.addEventListener('load', function () {
  var root = document.getElementById('swagger-ui')
  var demote = function () {
    root.querySelectorAll('main:not([role])').forEach(function (m) {
      m.setAttribute('role', 'region')
      if (!m.hasAttribute('aria-label')) m.setAttribute('aria-label', 'Operations')
    })
  }
  new MutationObserver(demote).observe(root, { childList: true, subtree: true })
  window.SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true, tryItOutEnabled: false, defaultModelsExpandDepth: 0 })
})`

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params
  const f = Object.hasOwn(files, file) ? files[file]! : null
  if (!f) return new Response('Not found', { status: 404 })
  const body = f.from ? await readFile(path.join(process.cwd(), f.from)) : init
  return new Response(body, { headers: { 'content-type': f.type, 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' } })
}
