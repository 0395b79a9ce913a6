import type { Contact, JsonObject } from '@bevatel/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar';
import { Icon } from '../../components/Icon';
import { UserText } from '../../components/UserText';
import { WrappingText } from '../../components/WrappingText';
import { errorMessageKey } from '../../components/States';
import { ApiError } from '../../lib/api';
import { useUpdateContact } from './queries';
import { CustomAttributesPanel } from '../custom-attributes/CustomAttributesPanel';
import { attributeToText, socialProfileUrl, textToAttribute } from './social';

const NETWORKS = ['github', 'twitter', 'facebook', 'linkedin'] as const;

/** The contact card: read view with an Edit button that turns it into a form in place. */
export function ContactDetails({
  accountId,
  contact,
  headingLevel = 2,
}: {
  accountId: number;
  contact: Contact;
  headingLevel?: 1 | 2;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const name = contact.name || contact.email || contact.phone_number || t('contacts.unnamed');
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const social = contact.additional_attributes?.social_profiles ?? {};

  if (editing) {
    return (
      <ContactEditForm accountId={accountId} contact={contact} onDone={() => setEditing(false)} />
    );
  }

  return (
    <div className="contact-details">
      <div className="contact-identity">
        <Avatar name={name} src={contact.thumbnail} size={56} />
        <div>
          <UserText as={Heading} className="contact-name" text={name} kind="name" />
          {contact.additional_attributes?.description ? (
            <p className="muted small" dir="auto">
              {contact.additional_attributes.description}
            </p>
          ) : null}
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label={t('contacts.edit')}
          title={t('contacts.edit')}
          onClick={() => setEditing(true)}
        >
          <Icon name="edit" />
        </button>
      </div>
      <dl className="contact-fields">
        <dt>{t('contacts.email')}</dt>
        <dd dir="ltr">
          {contact.email ? (
            <a href={`mailto:${contact.email}`}>
              <WrappingText text={contact.email} />
            </a>
          ) : (
            <span className="muted">{t('common.notSet')}</span>
          )}
        </dd>
        <dt>{t('contacts.phone')}</dt>
        <dd dir="ltr">
          {contact.phone_number ? (
            <a href={`tel:${contact.phone_number.replace(/[^\d+]/g, '')}`}>
              {contact.phone_number}
            </a>
          ) : (
            <span className="muted">{t('common.notSet')}</span>
          )}
        </dd>
        <dt>{t('contacts.company')}</dt>
        <dd dir="auto">
          {contact.additional_attributes?.company_name || (
            <span className="muted">{t('common.notSet')}</span>
          )}
        </dd>
        {contact.identifier ? (
          <>
            <dt>{t('contacts.identifier')}</dt>
            <dd dir="ltr">{contact.identifier}</dd>
          </>
        ) : null}
      </dl>
      {NETWORKS.some((n) => socialProfileUrl(n, social[n] ?? null)) ? (
        <>
          <h3 className="section-title">{t('contacts.socialProfiles')}</h3>
          <ul className="social-links">
            {NETWORKS.map((network) => {
              const url = socialProfileUrl(network, social[network] ?? null);
              return url ? (
                <li key={network}>
                  <a href={url} target="_blank" rel="noopener noreferrer">
                    {t(`contacts.social.${network}`)}
                  </a>
                </li>
              ) : null;
            })}
          </ul>
        </>
      ) : null}
      <ContactAttributes accountId={accountId} contact={contact} />
    </div>
  );
}

/** The contact's custom attributes: defined ones edited by type, the rest as they are. */
function ContactAttributes({ accountId, contact }: { accountId: number; contact: Contact }) {
  const update = useUpdateContact(accountId, contact.id);
  return (
    <CustomAttributesPanel
      accountId={accountId}
      model="contact_attribute"
      values={contact.custom_attributes ?? {}}
      onSave={(patch) => update.mutateAsync({ custom_attributes: patch })}
    />
  );
}

function ContactEditForm({
  accountId,
  contact,
  onDone,
}: {
  accountId: number;
  contact: Contact;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateContact(accountId, contact.id);
  const attrs = contact.additional_attributes ?? {
    description: null,
    company_name: null,
    social_profiles: { github: null, twitter: null, facebook: null, linkedin: null },
  };
  const [form, setForm] = useState({
    name: contact.name ?? '',
    email: contact.email ?? '',
    phone_number: contact.phone_number ?? '',
    company_name: attrs.company_name ?? '',
    description: attrs.description ?? '',
    github: String(attrs.social_profiles?.github ?? ''),
    twitter: String(attrs.social_profiles?.twitter ?? ''),
    facebook: String(attrs.social_profiles?.facebook ?? ''),
    linkedin: String(attrs.social_profiles?.linkedin ?? ''),
  });
  const [custom, setCustom] = useState(() =>
    Object.entries(contact.custom_attributes ?? {}).map(([key, value]) => ({
      key,
      value: attributeToText(value),
    })),
  );

  const set = (field: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [field]: value }));
  const orNull = (value: string) => (value.trim() ? value.trim() : null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const customAttributes: JsonObject = {};
    for (const row of custom) {
      const key = row.key.trim();
      if (key) customAttributes[key] = textToAttribute(row.value, contact.custom_attributes?.[key]);
    }
    update.mutate(
      {
        name: orNull(form.name),
        email: orNull(form.email),
        phone_number: orNull(form.phone_number),
        additional_attributes: {
          ...attrs,
          company_name: orNull(form.company_name),
          description: orNull(form.description),
          social_profiles: {
            ...attrs.social_profiles,
            github: orNull(form.github),
            twitter: orNull(form.twitter),
            facebook: orNull(form.facebook),
            linkedin: orNull(form.linkedin),
          },
        },
        custom_attributes: customAttributes,
      },
      { onSuccess: onDone },
    );
  };

  const fieldError = update.error instanceof ApiError ? update.error.field : undefined;
  const text = (
    field: keyof typeof form,
    label: string,
    type: 'text' | 'email' | 'tel' = 'text',
    dir: 'auto' | 'ltr' = 'auto',
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        type={type}
        dir={dir}
        value={form[field]}
        onChange={(e) => set(field)(e.target.value)}
        aria-invalid={fieldError === field || undefined}
      />
    </div>
  );

  return (
    <form className="contact-form" onSubmit={onSubmit} aria-label={t('contacts.editTitle')}>
      <h2 className="section-title">{t('contacts.editTitle')}</h2>
      {text('name', t('contacts.name'))}
      {text('email', t('contacts.email'), 'email', 'ltr')}
      {text('phone_number', t('contacts.phone'), 'tel', 'ltr')}
      {text('company_name', t('contacts.company'))}
      {text('description', t('contacts.description'))}
      <fieldset>
        <legend>{t('contacts.socialProfiles')}</legend>
        {text('github', t('contacts.social.github'), 'text', 'ltr')}
        {text('twitter', t('contacts.social.twitter'), 'text', 'ltr')}
        {text('facebook', t('contacts.social.facebook'), 'text', 'ltr')}
        {text('linkedin', t('contacts.social.linkedin'), 'text', 'ltr')}
      </fieldset>
      <fieldset>
        <legend>{t('contacts.customAttributes')}</legend>
        {custom.map((row, index) => (
          <div key={index} className="attribute-row">
            <input
              aria-label={t('contacts.attributeName')}
              value={row.key}
              dir="auto"
              onChange={(e) =>
                setCustom((rows) =>
                  rows.map((r, i) => (i === index ? { ...r, key: e.target.value } : r)),
                )
              }
            />
            <input
              aria-label={t('contacts.attributeValue')}
              value={row.value}
              dir="auto"
              onChange={(e) =>
                setCustom((rows) =>
                  rows.map((r, i) => (i === index ? { ...r, value: e.target.value } : r)),
                )
              }
            />
            <button
              type="button"
              className="icon-button"
              aria-label={t('contacts.removeAttribute')}
              onClick={() => setCustom((rows) => rows.filter((_, i) => i !== index))}
            >
              <Icon name="trash" size={16} />
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-small"
          onClick={() => setCustom((rows) => [...rows, { key: '', value: '' }])}
        >
          <Icon name="plus" size={14} /> {t('contacts.addAttribute')}
        </button>
      </fieldset>
      {update.error ? (
        <p className="form-error" role="alert">
          {t(errorMessageKey(update.error))}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
