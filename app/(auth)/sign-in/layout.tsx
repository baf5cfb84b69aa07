import { ClientMessages } from '@/components/i18n/client-messages'

/** The sign-in forms' strings (client components), and nothing else of the catalogue. */
export default function SignInLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['auth.signInForm', 'auth.magicLinkForm', 'auth.secondFactorForm']}>{children}</ClientMessages>
}
