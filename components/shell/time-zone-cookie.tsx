'use client'
import { useEffect } from 'react'
import { useRouter } from 'next/navigation'

/** Tells the server the browser's time zone once, so server-rendered times are in the viewer's zone. */
export function TimeZoneCookie() {
  const router = useRouter()
  useEffect(() => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone
    const current = document.cookie.split('; ').find((c) => c.startsWith('tz='))?.slice(3)
    if (tz && decodeURIComponent(current ?? '') !== tz) {
      document.cookie = `tz=${encodeURIComponent(tz)}; path=/; max-age=31536000; samesite=lax`
      router.refresh()
    }
  }, [router])
  return null
}
