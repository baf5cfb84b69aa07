// The notifications domain's public verbs, ctx-first (see lib/tickets/index.ts): a member's
// inbox and settings, and the admin's mail log and webhooks.
export { unreadCount, listNotifications, markRead, markAllRead, getPreferences, savePreferences } from './inbox'
export { listMail, listDeliveries, retryDelivery, listWebhooks, addWebhook, removeWebhook } from './admin'
export { getNotificationSettings, saveEventNotification, saveNotificationGeneral } from './org-notifications'
export { getMyPhone, saveMyPhone } from './phone'
export { getInboundSettings, saveInboundSettings } from './inbound-settings'
