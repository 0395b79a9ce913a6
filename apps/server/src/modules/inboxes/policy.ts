import type { ChannelType } from '@bevatel/protocol';
import { invalid } from '../../lib/errors';

/** Channels an inbox can be created with here (the others arrive through integrations). */
export const CREATABLE_CHANNELS = {
  api: 'Channel::Api',
  web_widget: 'Channel::WebWidget',
} as const;
export type CreatableChannel = keyof typeof CREATABLE_CHANNELS;
export type CreatableChannelType = (typeof CREATABLE_CHANNELS)[CreatableChannel];

/**
 * Chatwoot clients send `channel: {type: "api"}`; others name `channel_type` directly. One of
 * the two is required, and when both come they must agree.
 */
export function channelTypeOf(input: {
  channel?: { type: CreatableChannel };
  channel_type?: CreatableChannelType;
}): ChannelType {
  const fromChannel = input.channel ? CREATABLE_CHANNELS[input.channel.type] : undefined;
  if (fromChannel && input.channel_type && fromChannel !== input.channel_type) {
    throw invalid('channel_type', 'channel.type and channel_type name different channels');
  }
  const type = fromChannel ?? input.channel_type;
  if (!type) throw invalid('channel', 'channel (or channel_type) is required');
  return type;
}
