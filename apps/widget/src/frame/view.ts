/** The chat's DOM: built once, updated in place, labelled for screen readers. */
import type { PublicMessage, WidgetConfig, WidgetLocale } from '@bevatel/protocol';
import { STRINGS } from '../shared/strings';

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

export interface PreChatValues {
  name?: string;
  email?: string;
}

export interface ChatView {
  setLocale(locale: WidgetLocale): void;
  showPreChat(onSubmit: (values: PreChatValues) => void): void;
  showThread(): void;
  render(messages: readonly (PublicMessage & { failed?: boolean })[]): void;
  setStatus(text: string): void;
  input: HTMLTextAreaElement;
}

export function buildView(
  root: HTMLElement,
  config: WidgetConfig,
  handlers: { onSend(text: string): void; onTyping(): void; onClose(): void },
): ChatView {
  let locale: WidgetLocale = config.locale;
  const words = () => STRINGS[locale];
  const title = el('h1');
  const tagline = el('p');
  const close = el('button', { type: 'button', className: 'close', textContent: '×' });
  close.addEventListener('click', handlers.onClose);
  const header = el('header', {}, el('div', { className: 'text' }, title, tagline), close);
  const away = el('p', { className: 'away', hidden: true });
  // The log is a region around the list (a role on the <ol> itself would unmake its items).
  const thread = el('div', { className: 'thread' });
  const list = el('ol');
  thread.append(list);
  thread.setAttribute('role', 'log');
  thread.setAttribute('aria-live', 'polite');
  const status = el('p', { className: 'status' });
  status.setAttribute('aria-live', 'polite');
  const input = el('textarea', { rows: 1 });
  const send = el('button', { type: 'submit', className: 'primary' });
  const composer = el('form', { className: 'composer' }, input, send);
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    handlers.onSend(text);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  input.addEventListener('input', handlers.onTyping);
  const prechat = el('form', { className: 'prechat', hidden: true });
  composer.hidden = true;
  root.append(header, away, thread, status, prechat, composer);
  document.documentElement.style.setProperty('--accent', config.widget_color);

  let lastMessages: readonly (PublicMessage & { failed?: boolean })[] = [];
  const apply = () => {
    const texts = config.texts[locale];
    document.documentElement.lang = locale;
    document.documentElement.dir = locale === 'ar' ? 'rtl' : 'ltr';
    title.textContent = texts.welcome_title || config.name;
    tagline.textContent = texts.welcome_tagline ?? '';
    tagline.hidden = !texts.welcome_tagline;
    close.setAttribute('aria-label', words().close);
    away.textContent = texts.out_of_office_message || words().away;
    away.hidden = !config.away;
    thread.setAttribute('aria-label', words().messages);
    input.placeholder = words().placeholder;
    input.setAttribute('aria-label', words().placeholder);
    send.textContent = words().send;
    view.render(lastMessages);
  };

  const view: ChatView = {
    input,
    setLocale(next) {
      locale = next;
      apply();
    },
    showPreChat(onSubmit) {
      const options = config.pre_chat_form_options;
      const fields = (options.pre_chat_fields ?? []).filter((f) => f.enabled);
      prechat.replaceChildren();
      if (options.pre_chat_message)
        prechat.append(el('p', { textContent: options.pre_chat_message }));
      const inputs = new Map<
        string,
        { input: HTMLInputElement; error: HTMLElement; required: boolean }
      >();
      for (const field of fields) {
        const isEmail = field.name === 'emailAddress';
        const control = el('input', {
          type: isEmail ? 'email' : 'text',
          name: field.name,
          required: field.required,
          autocomplete: isEmail ? 'email' : 'name',
        });
        const error = el('span', { className: 'error' });
        error.id = `${field.name}-error`;
        control.setAttribute('aria-describedby', error.id);
        const text = isEmail ? words().email : words().name;
        prechat.append(el('label', {}, field.required ? `${text} *` : text, control, error));
        inputs.set(field.name, { input: control, error, required: field.required });
      }
      const submit = el('button', {
        type: 'submit',
        className: 'primary',
        textContent: words().start,
      });
      prechat.append(submit);
      prechat.noValidate = true;
      prechat.onsubmit = (event) => {
        event.preventDefault();
        let valid = true;
        for (const [name, { input: control, error, required }] of inputs) {
          const value = control.value.trim();
          let message = '';
          if (required && !value) message = words().required;
          else if (name === 'emailAddress' && value && !/^[^\s@]+@[^\s@]+$/.test(value)) {
            message = words().invalidEmail;
          }
          error.textContent = message;
          control.setAttribute('aria-invalid', String(message !== ''));
          if (message && valid) control.focus();
          valid &&= message === '';
        }
        if (!valid) return;
        onSubmit({
          name: inputs.get('fullName')?.input.value.trim() || undefined,
          email: inputs.get('emailAddress')?.input.value.trim() || undefined,
        });
      };
      prechat.hidden = false;
      composer.hidden = true;
      (prechat.querySelector('input') ?? submit).focus();
    },
    showThread() {
      prechat.hidden = true;
      composer.hidden = false;
      input.focus();
    },
    render(messages) {
      lastMessages = messages;
      const greeting = config.greeting_enabled ? config.texts[locale].greeting_message : null;
      const items: HTMLElement[] = [];
      if (greeting) items.push(el('li', { className: 'msg out', textContent: greeting }));
      for (const message of messages) {
        const mine = message.message_type === 0;
        const item = el('li', {
          className: `msg ${mine ? 'in' : 'out'}${message.failed ? ' failed' : ''}`,
        });
        const who = mine ? words().you : (message.sender?.name ?? config.name);
        item.append(el('span', { className: 'who', textContent: who }), message.content ?? '');
        if (message.failed)
          item.append(el('span', { className: 'who', textContent: words().failed }));
        item.dataset.id = String(message.id);
        items.push(item);
      }
      list.replaceChildren(...items);
      thread.scrollTop = thread.scrollHeight;
    },
    setStatus(text) {
      status.textContent = text;
    },
  };
  apply();
  root.removeAttribute('aria-busy');
  return view;
}
