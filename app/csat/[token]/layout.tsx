import { ClientMessages } from '@/components/i18n/client-messages'

/** The survey form (a client component) needs its own strings; `common` is always added. */
export default function SurveyLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['portal.surveyForm']}>{children}</ClientMessages>
}
