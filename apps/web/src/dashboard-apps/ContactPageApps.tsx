import type { Contact } from '@bevatel/protocol';
import { useContactConversations } from '../modules/contacts/queries';
import { useCurrentAccount } from '../modules/conversations/hooks';
import { usePreferences } from '../modules/preferences/preferences';
import { PageAppFrame } from './PageAppFrame';
import { appTitle, usePlacedApps } from './placed-apps';
import './dashboard-apps.css';

/** The apps placed on the contact page, each in a card of its own below the contact. */
export function ContactPageApps({ contact }: { contact: Contact }) {
  const account = useCurrentAccount();
  const { locale } = usePreferences();
  const apps = usePlacedApps('contact.page', null);
  const conversations = useContactConversations(account.id, contact.id);
  if (apps.length === 0) return null;
  // Wait for the conversations so the first context is the whole one.
  if (conversations.isPending) return null;
  const subject = { contact, conversations: conversations.data ?? [] };
  return (
    <>
      {apps.map((app) => {
        const title = appTitle(app, locale);
        return (
          <section key={app.id} className="card dapp-page-card" aria-label={title}>
            <h2 className="dapp-page-card-title" dir="auto">
              {title}
            </h2>
            <PageAppFrame app={app} location="contact.page" subject={subject} title={title} />
          </section>
        );
      })}
    </>
  );
}
