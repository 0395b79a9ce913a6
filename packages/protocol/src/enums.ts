/** Value sets shared by the API, the dashboard and the apps (string-literal unions, no enums). */
export const CONVERSATION_STATUSES = ['open', 'resolved', 'pending', 'snoozed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const CONVERSATION_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type ConversationPriority = (typeof CONVERSATION_PRIORITIES)[number];

/** 0 incoming (from the contact), 1 outgoing (agent), 2 activity (system note), 3 template. */
export const MESSAGE_TYPES = { incoming: 0, outgoing: 1, activity: 2, template: 3 } as const;
export type MessageTypeName = keyof typeof MESSAGE_TYPES;
export type MessageType = (typeof MESSAGE_TYPES)[MessageTypeName];

export const MESSAGE_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const CONTENT_TYPES = [
  'text',
  'input_email',
  'cards',
  'input_select',
  'form',
  'article',
] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** Chatwoot's attachment kinds that files become (decided from their sniffed content). */
export const ATTACHMENT_FILE_TYPES = ['image', 'audio', 'video', 'file'] as const;
export type AttachmentFileType = (typeof ATTACHMENT_FILE_TYPES)[number];

export const SENDER_TYPES = ['Contact', 'User', 'AgentBot'] as const;
export type SenderType = (typeof SENDER_TYPES)[number];

export const USER_ROLES = ['administrator', 'agent'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const AVAILABILITY_STATUSES = ['online', 'busy', 'offline'] as const;
export type AvailabilityStatus = (typeof AVAILABILITY_STATUSES)[number];

export const CHANNEL_TYPES = [
  'Channel::Api',
  'Channel::WebWidget',
  'Channel::Email',
  'Channel::Whatsapp',
] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const ASSIGNEE_TYPES = ['me', 'unassigned', 'all'] as const;
export type AssigneeType = (typeof ASSIGNEE_TYPES)[number];

export const LOCALES = ['en', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export type TextDirection = 'ltr' | 'rtl';
