// Turns one appContext into the app's view. Pure DOM building through h(): no innerHTML.
import { h, safeHttpUrl } from './dom.js';

/** @typedef {import('@bevatel/dashboard-app-sdk').AppContextData} AppContextData */
/** @typedef {AppContextData['contact']} Contact */
/** @typedef {AppContextData['conversation']['messages'][number]} Message */
/** @typedef {import('./i18n.js').Strings} Strings */
/** @typedef {import('./summary.js').SummaryState} SummaryState */
/** @typedef {import('./summary.js').CustomerSummary} CustomerSummary */

const MESSAGE_COUNT = 5;
const ACTIVITY = 2;

/** @type {Record<string, (handle: string) => string>} */
const SOCIAL_URLS = {
  github: (handle) => `https://github.com/${encodeURIComponent(handle)}`,
  twitter: (handle) => `https://x.com/${encodeURIComponent(handle)}`,
  facebook: (handle) => `https://www.facebook.com/${encodeURIComponent(handle)}`,
  linkedin: (handle) => `https://www.linkedin.com/in/${encodeURIComponent(handle)}`,
};

/**
 * @param {Strings} t
 * @param {AppContextData} context
 * @param {SummaryState} summary
 * @returns {HTMLElement}
 */
export function renderContext(t, context, summary) {
  return h('div', { className: 'grid' }, [
    renderValue(t, summary, context.locale),
    renderContact(t, context.contact, context.locale),
    renderConversation(t, context),
    renderMessages(t, context),
  ]);
}

/**
 * @param {Strings} t
 * @param {Contact} contact
 * @param {string} locale
 */
function renderContact(t, contact, locale) {
  const name = text(contact.name) ?? t.unnamed;
  const attributes = contact.additional_attributes ?? {};
  const email = text(contact.email);
  const phone = text(contact.phone_number);
  return h(
    'section',
    { className: 'card', testid: 'contact-card', attrs: { 'aria-label': t.contact } },
    [
      h('div', { className: 'contact-head' }, [
        renderAvatar(contact, name),
        h('div', {}, [
          h('h2', { testid: 'contact-name', attrs: { dir: 'auto' } }, [name]),
          text(attributes.description) &&
            h('p', { className: 'muted', attrs: { dir: 'auto' } }, [text(attributes.description)]),
        ]),
      ]),
      h('dl', { className: 'facts' }, [
        ...fact(t.email, email && link(`mailto:${email}`, email), 'contact-email'),
        ...fact(
          t.phone,
          phone && link(`tel:${phone.replace(/[^\d+]/g, '')}`, phone, 'ltr'),
          'contact-phone',
        ),
        ...fact(t.company, text(attributes.company_name), 'contact-company'),
        ...fact(t.identifier, text(contact.identifier), 'contact-identifier'),
      ]),
      renderSocialProfiles(t, attributes.social_profiles),
      renderCustomAttributes(t, contact.custom_attributes, locale),
    ],
  );
}

/**
 * What the shop's CRM knows and the help desk does not: the customer's value, last order and
 * support history this year.
 * @param {Strings} t
 * @param {SummaryState} summary
 * @param {string} locale
 */
function renderValue(t, summary, locale) {
  const body =
    summary.state === 'ready'
      ? renderSummary(t, summary.summary, locale)
      : h('p', { className: 'muted', testid: 'value-state' }, [
          summary.state === 'loading'
            ? t.valueLoading
            : summary.state === 'unsigned'
              ? t.valueUnsigned
              : t.valueFailed,
        ]);
  return h(
    'section',
    { className: 'card value', testid: 'value-card', attrs: { 'aria-label': t.value } },
    [h('h2', {}, [t.value]), body],
  );
}

/**
 * @param {Strings} t
 * @param {CustomerSummary} summary
 * @param {string} locale
 */
function renderSummary(t, summary, locale) {
  const lang = locale === 'ar' ? 'ar' : 'en';
  const money = new Intl.NumberFormat(lang, { style: 'currency', currency: summary.currency });
  const count = new Intl.NumberFormat(lang);
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const order = summary.last_order;
  return h('div', {}, [
    h('ul', { className: 'figures' }, [
      figure(t.lifetimeValue, money.format(summary.lifetime_value_halalas / 100), 'lifetime-value'),
      figure(t.orders, count.format(summary.orders_count), 'orders-count'),
      figure(t.ticketsThisYear, count.format(summary.tickets_this_year), 'tickets-this-year'),
    ]),
    h('dl', { className: 'facts' }, [
      ...fact(
        t.tier,
        h('span', { className: `badge tier-${cssToken(summary.tier)}` }, [
          lookup(t.tiers, summary.tier),
        ]),
        'customer-tier',
      ),
      ...fact(t.customerSince, date.format(new Date(summary.customer_since * 1000))),
      // In the layout's direction, each part isolated: an order number and an Arabic status
      // side by side must not reorder each other.
      h('dt', {}, [t.lastOrder]),
      h(
        'dd',
        { testid: 'last-order' },
        order
          ? [
              order.number,
              date.format(new Date(order.placed_at * 1000)),
              money.format(order.total_halalas / 100),
              lookup(t.orderStatuses, order.status),
            ].flatMap((part, index) => [index ? ' · ' : '', h('bdi', {}, [part])])
          : [t.noValue],
      ),
    ]),
  ]);
}

/**
 * @param {string} label
 * @param {string} value
 * @param {string} testid
 */
function figure(label, value, testid) {
  return h('li', { className: 'figure' }, [
    h('span', { className: 'figure-value', testid }, [value]),
    h('span', { className: 'figure-label' }, [label]),
  ]);
}

/**
 * A thumbnail when the contact has a usable one, their initials otherwise (and when the image
 * fails to load).
 * @param {Contact} contact
 * @param {string} name
 */
function renderAvatar(contact, name) {
  const initials = h(
    'span',
    { className: 'avatar initials', testid: 'avatar-initials', attrs: { 'aria-hidden': 'true' } },
    [initialsOf(name)],
  );
  initials.style.setProperty('--hue', String((Number(contact.id) * 47) % 360));
  const src = safeHttpUrl(contact.thumbnail);
  if (!src) return initials;
  const image = h('img', {
    className: 'avatar',
    testid: 'avatar-image',
    attrs: { alt: '', src, referrerpolicy: 'no-referrer' },
  });
  image.addEventListener('error', () => image.replaceWith(initials), { once: true });
  return image;
}

/** @param {string} name */
function initialsOf(name) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.slice(0, 2).map((word) => Array.from(word)[0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

/**
 * @param {Strings} t
 * @param {unknown} profiles
 */
function renderSocialProfiles(t, profiles) {
  if (!isRecord(profiles)) return null;
  const links = Object.entries(profiles).flatMap(([network, value]) => {
    const handle = text(value);
    if (!handle) return [];
    const build = SOCIAL_URLS[network];
    const href = safeHttpUrl(handle) ?? (build ? build(handle.replace(/^@/, '')) : null);
    const label = `${network}: ${handle}`;
    return [h('li', {}, [href ? link(href, label) : label])];
  });
  if (links.length === 0) return null;
  return h('div', { className: 'block', testid: 'social-profiles' }, [
    h('h3', {}, [t.social]),
    h('ul', { className: 'chips' }, links),
  ]);
}

/**
 * @param {Strings} t
 * @param {unknown} attributes
 * @param {string} locale
 */
function renderCustomAttributes(t, attributes, locale) {
  if (!isRecord(attributes)) return null;
  const entries = Object.entries(attributes);
  if (entries.length === 0) return null;
  return h('div', { className: 'block', testid: 'custom-attributes' }, [
    h('h3', {}, [t.customAttributes]),
    h(
      'dl',
      { className: 'facts' },
      entries.flatMap(([key, value]) => fact(humanize(key), formatValue(value, locale, t))),
    ),
  ]);
}

/**
 * @param {Strings} t
 * @param {AppContextData} context
 */
function renderConversation(t, context) {
  const conversation = context.conversation;
  const assignee = conversation.meta?.assignee;
  const team = conversation.meta?.team;
  const status = String(conversation.status);
  const priority = conversation.priority ?? 'none';
  const labels = Array.isArray(conversation.labels) ? conversation.labels : [];
  return h(
    'section',
    { className: 'card', testid: 'conversation-card', attrs: { 'aria-label': t.conversation } },
    [
      h('h2', { testid: 'conversation-id' }, [`${t.conversation} #${conversation.id}`]),
      h('dl', { className: 'facts' }, [
        ...fact(
          t.status,
          h(
            'span',
            { className: `badge status-${cssToken(status)}`, testid: 'conversation-status' },
            [lookup(t.statuses, status)],
          ),
        ),
        ...fact(
          t.priority,
          h(
            'span',
            { className: `badge priority-${cssToken(priority)}`, testid: 'conversation-priority' },
            [lookup(t.priorities, priority)],
          ),
        ),
        ...fact(
          t.assignee,
          h('span', { testid: 'conversation-assignee' }, [
            assignee
              ? (text(assignee.available_name) ?? text(assignee.name) ?? t.noValue)
              : t.unassigned,
          ]),
        ),
        ...(team ? fact(t.team, text(team.name)) : []),
        ...fact(
          t.labels,
          labels.length
            ? h(
                'ul',
                { className: 'chips', testid: 'conversation-labels' },
                labels.map((label) => h('li', { className: 'chip' }, [String(label)])),
              )
            : t.noLabels,
        ),
      ]),
    ],
  );
}

/**
 * The last few messages a person wrote (activity lines such as "assigned to …" are left out),
 * oldest first like the conversation itself.
 * @param {Strings} t
 * @param {AppContextData} context
 */
function renderMessages(t, context) {
  const messages = Array.isArray(context.conversation.messages)
    ? context.conversation.messages
    : [];
  const recent = messages
    .filter((message) => message.message_type !== ACTIVITY)
    .slice()
    .sort((a, b) => a.created_at - b.created_at || a.id - b.id)
    .slice(-MESSAGE_COUNT);
  const format = new Intl.DateTimeFormat(context.locale === 'ar' ? 'ar' : 'en', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return h(
    'section',
    { className: 'card messages', testid: 'messages', attrs: { 'aria-label': t.lastMessages } },
    [
      h('h2', {}, [t.lastMessages]),
      recent.length
        ? h(
            'ol',
            { className: 'message-list' },
            recent.map((message) => renderMessage(t, message, format)),
          )
        : h('p', { className: 'muted' }, [t.noMessages]),
    ],
  );
}

/**
 * @param {Strings} t
 * @param {Message} message
 * @param {Intl.DateTimeFormat} format
 */
function renderMessage(t, message, format) {
  const kind = message.private
    ? 'note'
    : message.message_type === 0
      ? 'incoming'
      : message.message_type === 3
        ? 'template'
        : 'outgoing';
  const sender = message.sender
    ? (text(message.sender.available_name) ?? text(message.sender.name))
    : null;
  const time = new Date(message.created_at * 1000);
  return h(
    'li',
    { className: `message ${kind}`, testid: 'message', attrs: { 'data-kind': kind } },
    [
      h('div', { className: 'message-meta' }, [
        h('span', { className: 'kind' }, [t[kind]]),
        sender && h('span', { className: 'sender', attrs: { dir: 'auto' } }, [sender]),
        h('time', { attrs: { datetime: time.toISOString() } }, [format.format(time)]),
      ]),
      h('p', { className: 'message-body', testid: 'message-body', attrs: { dir: 'auto' } }, [
        text(message.content) ?? t.noText,
      ]),
    ],
  );
}

/**
 * A label/value pair for a <dl>; empty values show a dash so the card keeps its shape.
 * @param {string} label
 * @param {Node | string | null | undefined | false} value
 * @param {string} [testid]
 * @returns {HTMLElement[]}
 */
function fact(label, value, testid) {
  // dir=auto: a customer's English text keeps its punctuation in an Arabic (RTL) layout.
  return [h('dt', {}, [label]), h('dd', { testid, attrs: { dir: 'auto' } }, [value || '—'])];
}

/**
 * @param {string} href
 * @param {string} label
 * @param {'ltr'} [dir]
 */
function link(href, label, dir) {
  const attrs = { href, target: '_blank', rel: 'noopener noreferrer' };
  return h('a', { attrs: dir ? { ...attrs, dir } : attrs }, [label]);
}

/**
 * @param {unknown} value
 * @param {string} locale
 * @param {Strings} t
 * @returns {string}
 */
function formatValue(value, locale, t) {
  if (value === null || value === undefined || value === '') return t.noValue;
  if (typeof value === 'number') return value.toLocaleString(locale === 'ar' ? 'ar' : 'en');
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** @param {string} key */
function humanize(key) {
  const spaced = key.replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * @param {Record<string, string>} table
 * @param {string} key
 */
function lookup(table, key) {
  return Object.prototype.hasOwnProperty.call(table, key) ? (table[key] ?? key) : key;
}

/** @param {string} value */
function cssToken(value) {
  return value.replace(/[^a-z0-9-]/gi, '');
}

/**
 * A non-empty string, or null.
 * @param {unknown} value
 * @returns {string | null}
 */
function text(value) {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
