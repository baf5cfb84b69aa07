import { redirect } from 'next/navigation'
import { AppHeader } from '@/components/shell/app-header'
import { KeyboardShortcuts } from '@/components/shell/keyboard-shortcuts'
import { pageCtx } from '@/lib/pages/guard'

export default async function StaffLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await pageCtx(org)
  if (ctx.role === 'requester') redirect(`/${org}/portal`)
  return (
    <>
      <AppHeader ctx={ctx} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8">{children}</main>
      <KeyboardShortcuts />
    </>
  )
}
