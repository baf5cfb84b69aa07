import { ClientMessages } from '@/components/i18n/client-messages'

// The preferences page's client components: its two forms (and the language picker, which uses `common`).
export default function PreferencesLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['account.preferencesForm', 'account.phoneForm']}>{children}</ClientMessages>
}
