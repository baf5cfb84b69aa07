import 'server-only'

let accepted = 0

/**
 * A test hook for the fault suite (test/faults/mail-worker.fault.ts), inert unless
 * HELPDESK_FAULT_KILL_AFTER_SMTP is set: with it set to N, the process kills itself
 * (SIGKILL, no cleanup, like a power cut) right after the SMTP server accepted its Nth
 * message and before the job is marked done — the window where a crash re-sends a mail.
 */
export function afterSmtpAccepted() {
  const n = Number(process.env.HELPDESK_FAULT_KILL_AFTER_SMTP ?? 0)
  if (n > 0 && ++accepted >= n) process.kill(process.pid, 'SIGKILL')
}
