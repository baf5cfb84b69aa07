import { NavLink } from '@/components/shell/nav-link'
import { adminPageCtx } from './admin-ctx'

const sections = [
  { path: 'members', label: 'Members' },
  { path: 'teams', label: 'Teams' },
  { path: 'routing', label: 'Routing' },
  { path: 'sla', label: 'SLA' },
  { path: 'categories', label: 'Categories' },
  { path: 'notifications', label: 'Notifications' },
  { path: 'canned-replies', label: 'Canned replies' },
  { path: 'audit', label: 'Audit log' },
  { path: 'mail', label: 'Sent mail' },
  { path: 'deliveries', label: 'Delivery queue' },
  { path: 'webhooks', label: 'Webhooks' },
  { path: 'api', label: 'API tokens' },
  { path: 'search', label: 'Search' },
  { path: 'security', label: 'Security' },
]

export default async function SettingsLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params
  await adminPageCtx(org)
  return (
    <div className="flex flex-col gap-8 md:flex-row">
      <aside className="md:w-48 md:shrink-0">
        <p className="mb-2 px-3 text-xs font-semibold uppercase tracking-wide text-slate-600">Settings</p>
        <nav aria-label="Settings" className="flex gap-1 md:flex-col">
          {sections.map((s) => <NavLink key={s.path} href={`/${org}/settings/${s.path}`}>{s.label}</NavLink>)}
        </nav>
      </aside>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  )
}
