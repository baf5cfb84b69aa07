// Tells the server the browser's time zone, so server-rendered times are in the viewer's zone.
//
// A plain inline script, run while the HTML is parsed: it never refreshes the page. It
// used to call router.refresh() after hydration, and a refresh landing while the user's
// first action was in flight made Next discard that action's result, leaving the form
// stuck (vercel/next.js#84299). Everyone passes through the sign-in page first, so the
// cookie is in place before the first page that shows times; a changed zone (travel)
// applies from the next page.
const script = `(function(){try{var z=Intl.DateTimeFormat().resolvedOptions().timeZone;var m=document.cookie.match(/(?:^|; )tz=([^;]*)/);if(z&&(!m||decodeURIComponent(m[1])!==z)){document.cookie='tz='+encodeURIComponent(z)+'; path=/; max-age=31536000; samesite=lax'}}catch(e){}})()`

/** `nonce`: the page's CSP nonce, without which the browser refuses to run an inline script. */
export function TimeZoneCookie({ nonce }: { nonce?: string }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />
}
