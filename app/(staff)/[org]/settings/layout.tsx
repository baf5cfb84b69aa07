import { getTranslations } from 'next-intl/server'
import { ClientMessages } from '@/components/i18n/client-messages'
import { NavLink } from '@/components/shell/nav-link'
import { adminPageCtx } from './admin-ctx'

const sections = [
  { path: 'members', key: 'members' },
  { path: 'teams', key: 'teams' },
  { path: 'routing', key: 'routing' },
  { path: 'sla', key: 'sla' },
  { path: 'categories', key: 'categories' },
  { path: 'notifications', key: 'notifications' },
  { path: 'canned-replies', key: 'cannedReplies' },
  { path: 'audit', key: 'audit' },
  { path: 'mail', key: 'mail' },
  { path: 'deliveries', key: 'deliveries' },
  { path: 'webhooks', key: 'webhooks' },
  { path: 'api', key: 'api' },
  { path: 'search', key: 'search' },
  { path: 'security', key: 'security' },
] as const

/** The catalogue sub-trees the settings pages' client components use (issue 18: only these reach the browser). */
const clientNamespaces = [
  'settings.addMemberForm', 'settings.memberActiveToggle', 'settings.memberFilters', 'settings.memberRoleForm', 'settings.roles',
  'settings.teamAddMemberForm', 'settings.editTeamButton', 'settings.teamForm', 'settings.strategies',
  'settings.ruleForm', 'settings.editRuleButton', 'settings.previewForm',
  'settings.policyForm', 'settings.calendarForm', 'settings.editPolicyButton',
  'settings.categoryForm', 'settings.editCategoryButton',
  'settings.generalForm', 'settings.eventForm', 'settings.emailForm',
  'settings.addWebhookForm', 'settings.languageForm', 'settings.searchLanguages', 'settings.requireForm',
  'settings.createTokenForm',
  // The canned-replies page renders the shared manager's client forms (components/canned-replies → tickets.*).
  'tickets.cannedReplyForm', 'tickets.editCannedReplyButton',
]

export default async function SettingsLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params
  await adminPageCtx(org)
  const t = await getTranslations('settings.settingsLayout')
  return (
    <div className="flex flex-col gap-8 md:flex-row">
      <aside className="md:w-48 md:shrink-0">
        <p className="mb-2 px-3 text-xs font-semibold uppercase tracking-wide text-slate-600">{t('heading')}</p>
        <nav aria-label={t('nav')} className="flex gap-1 md:flex-col">
          {sections.map((s) => <NavLink key={s.path} href={`/${org}/settings/${s.path}`}>{t(`sections.${s.key}`)}</NavLink>)}
        </nav>
      </aside>
      <div className="min-w-0 flex-1"><ClientMessages namespaces={clientNamespaces}>{children}</ClientMessages></div>
    </div>
  )
}
