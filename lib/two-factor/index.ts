// The two-factor domain's public verbs, ctx-first (see lib/tickets/index.ts). The sign-in's
// second step (verify.ts) runs before there is a ctx and is called by lib/auth.
export { getTwoFactorStatus, startEnrolment, confirmEnrolment, hasTwoFactor, type TwoFactorStatus, type Enrolment } from './enrol'
export { disableTwoFactor } from './disable'
export { setRequireStaffTwoFactor } from './org-requirement'
