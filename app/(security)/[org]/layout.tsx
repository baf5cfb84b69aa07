import { AppHeader } from '@/components/shell/app-header'
import { ClientMessages } from '@/components/i18n/client-messages'
import { pageCtx } from '@/lib/pages/guard'

// The security page lives in its own group: staff of an org that requires two-factor are
// sent here before anything else, so this layout (unlike the account and staff ones) lets
// them through to set it up (issue 18).
export default async function SecurityLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await pageCtx(org, { enrolment: true })
  return (
    <>
      <AppHeader ctx={ctx} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-4 py-8">
        <ClientMessages namespaces={['auth.enrolPanel', 'auth.disableForm']}>{children}</ClientMessages>
      </main>
    </>
  )
}
