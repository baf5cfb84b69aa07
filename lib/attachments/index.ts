// The attachments domain's public verbs, ctx-first (see lib/tickets/index.ts). Route plumbing
// (./http, ./signed-link, ./storage) and the browser-shared ./limits stay apart.
export { authorizeDownload } from './access'
export { deleteAttachment, discardUpload } from './delete-attachment'
export { downloadLink } from './download-link'
export { ticketAttachments, attachmentTimeline } from './list-attachments'
export { stageUpload } from './stage-upload'
export { ticketFiles } from './ticket-files'
