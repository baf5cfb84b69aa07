import type { NotificationEvent } from '@/lib/notifications/org-settings'

/** The catalogue key of an event's title and note (settings.eventForm.events.<key>): next-intl reads dots as nesting. */
export const eventKey = (event: NotificationEvent) => event.replace('.', '_')
