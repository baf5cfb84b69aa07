'use client'
import type { ComponentProps } from 'react'
import type { ServerAction } from '@/components/forms/use-server-action'
import { ReplyForm } from '@/components/tickets/reply-form'
import { CannedReplyPicker, type PickerReply } from './canned-reply-picker'

/** The staff composer with the canned reply picker (a client wrapper: the page cannot pass the render function itself). */
export function ReplyFormWithCanned({ replies, fill, ...props }: ComponentProps<typeof ReplyForm> & { replies: PickerReply[]; fill: ServerAction<{ text: string }> }) {
  return <ReplyForm {...props} tools={(insert) => <CannedReplyPicker org={props.org} number={props.number} replies={replies} fill={fill} onInsert={insert} />} />
}
