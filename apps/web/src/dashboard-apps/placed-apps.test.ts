import { describe, expect, it } from 'vitest';
import { dashboardApp } from '../test/factories';
import { appTitle, appsPlacedIn } from './placed-apps';

describe('apps placed in a location', () => {
  const apps = [
    dashboardApp({ id: 1, title: 'Tab', position: 3 }),
    dashboardApp({ id: 2, title: 'Side', locations: ['conversation.sidebar'], position: 1 }),
    dashboardApp({
      id: 3,
      title: 'Inbox 5',
      visibility: { inbox_ids: [5], team_ids: [], roles: [] },
      position: 2,
    }),
    dashboardApp({ id: 4, title: 'Off', enabled: false }),
    dashboardApp({ id: 5, title: 'Not mine', visible_to_me: false }),
    dashboardApp({
      id: 6,
      title: 'Both',
      locations: ['conversation.tab', 'conversation.sidebar'],
      position: 0,
    }),
  ];

  it('keeps the enabled apps of the location the rule shows, in the account order', () => {
    expect(appsPlacedIn(apps, 'conversation.tab', 5).map((a) => a.title)).toEqual([
      'Both',
      'Inbox 5',
      'Tab',
    ]);
    expect(appsPlacedIn(apps, 'conversation.tab', 9).map((a) => a.title)).toEqual(['Both', 'Tab']);
    expect(appsPlacedIn(apps, 'conversation.sidebar', 9).map((a) => a.title)).toEqual([
      'Both',
      'Side',
    ]);
    expect(appsPlacedIn(apps, 'contact.page', null)).toEqual([]);
  });

  it('titles apps in Arabic when they have an Arabic title', () => {
    expect(appTitle({ title: 'Orders', title_ar: 'الطلبات' }, 'ar')).toBe('الطلبات');
    expect(appTitle({ title: 'Orders', title_ar: 'الطلبات' }, 'en')).toBe('Orders');
    expect(appTitle({ title: 'Orders', title_ar: null }, 'ar')).toBe('Orders');
  });
});
