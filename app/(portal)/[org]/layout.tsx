import { AppHeader } from '@/components/shell/app-header'
import { pageCtx } from '@/lib/pages/guard'

export default async function PortalLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await pageCtx(org)
  return (
    <>
      <AppHeader ctx={ctx} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-4 py-8">{children}</main>
    </>
  )
}
