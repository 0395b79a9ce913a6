import type { Inbox } from '@bevatel/protocol';
import { describe, expect, it } from 'vitest';
import { toWidgetBody, toWidgetForm } from './widget-form';

const inbox: Inbox = {
  id: 3,
  account_id: 1,
  name: 'Shop',
  channel_type: 'Channel::WebWidget',
  greeting_message: 'Hello!',
  created_at: 0,
  greeting_enabled: true,
  translations: { ar: { greeting_message: 'أهلاً!' } },
  allowed_domains: 'shop.example,*.shop.example',
  working_hours: [
    {
      day_of_week: 1,
      closed_all_day: false,
      open_all_day: false,
      open_hour: 9,
      open_minutes: 30,
      close_hour: 17,
      close_minutes: 0,
    },
    {
      day_of_week: 5,
      closed_all_day: true,
      open_all_day: false,
      open_hour: null,
      open_minutes: null,
      close_hour: null,
      close_minutes: null,
    },
  ],
  pre_chat_form_enabled: true,
  pre_chat_form_options: {
    pre_chat_fields: [{ name: 'emailAddress', enabled: true, required: true }],
  },
};

describe('widget settings form', () => {
  it('reads the inbox into the form: hours per day, domains per line, field modes', () => {
    const form = toWidgetForm(inbox);
    expect(form.days[1]).toEqual({ day: 1, open: true, from: '09:30', to: '17:00' });
    expect(form.days[5]?.open).toBe(false);
    expect(form.allowed_domains).toBe('shop.example\n*.shop.example');
    expect(form.email_field).toBe('required');
    expect(form.name_field).toBe('off');
    expect(form.greeting_message_ar).toBe('أهلاً!');
  });

  it("writes Chatwoot's PATCH body back: hours, Arabic texts, pre-chat fields, domains", () => {
    const body = toWidgetBody({ ...toWidgetForm(inbox), welcome_title_ar: ' مرحباً ' });
    expect(body.working_hours).toContainEqual({
      day_of_week: 1,
      closed_all_day: false,
      open_hour: 9,
      open_minutes: 30,
      close_hour: 17,
      close_minutes: 0,
    });
    expect(body.working_hours).toContainEqual({ day_of_week: 5, closed_all_day: true });
    const channel = body.channel as Record<string, unknown>;
    expect(channel.allowed_domains).toEqual(['shop.example', '*.shop.example']);
    expect(channel.translations).toMatchObject({
      ar: { welcome_title: 'مرحباً', greeting_message: 'أهلاً!' },
    });
    expect(channel.pre_chat_form_options).toEqual({
      pre_chat_fields: [
        { name: 'fullName', enabled: false, required: false },
        { name: 'emailAddress', enabled: true, required: true },
      ],
    });
  });
});
