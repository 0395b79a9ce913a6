import type { DashboardApp } from '@bevatel/protocol';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Icon } from '../../components/Icon';
import { Menu, type MenuItem } from '../../components/Menu';
import { appTitle } from '../../dashboard-apps/placed-apps';
import { EnableSwitch } from './EnableSwitch';
import { useDashboardAppsT } from './i18n';
import { punycodeHostOf } from './idn';
import { permissionWords } from './permission-words';

export interface RowActions {
  onEdit: () => void;
  onDelete: () => void;
  onSecret: () => void;
  onToggle: (enabled: boolean) => void;
  onMove: (by: -1 | 1) => void;
  onExport: () => void;
}

/** One app in the table: a sortable row whose handle drags with the mouse or the keyboard. */
export function AppRow({
  app,
  index,
  count,
  rule,
  busy,
  moving,
  actions,
}: {
  app: DashboardApp;
  index: number;
  count: number;
  /** The visibility rule in words. */
  rule: string;
  busy: boolean;
  /** An order change is being saved: moves wait for it. */
  moving: boolean;
  actions: RowActions;
}) {
  const { t, i18n } = useDashboardAppsT();
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: app.id, disabled: moving });
  const url = app.content[0]?.url ?? '';
  const more = app.content.length - 1;
  const punycode = punycodeHostOf(url);
  const name = app.title;
  const shownName = appTitle(app, i18n.language.startsWith('ar') ? 'ar' : 'en');
  const menu: MenuItem[] = [
    {
      key: 'up',
      label: t('order.moveUp'),
      disabled: index === 0 || moving,
      onSelect: () => actions.onMove(-1),
    },
    {
      key: 'down',
      label: t('order.moveDown'),
      disabled: index === count - 1 || moving,
      onSelect: () => actions.onMove(1),
    },
    {
      key: 'secret',
      label: t(app.has_secret ? 'actions.rotateSecret' : 'actions.generateSecret'),
      disabled: busy,
      onSelect: actions.onSecret,
    },
    { key: 'export', label: t('manifest.export'), onSelect: actions.onExport },
    { key: 'delete', label: t('actions.delete'), onSelect: actions.onDelete },
  ];
  return (
    <tr
      ref={setNodeRef}
      className={['dapps-row', isDragging ? 'is-dragging' : '', app.enabled ? '' : 'is-off'].join(
        ' ',
      )}
      style={{
        transform: CSS.Translate.toString(transform),
        transition: transition,
      }}
    >
      <th scope="row" className="dapps-name">
        <div className="dapps-name-line">
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="icon-button dapps-handle"
            {...attributes}
            {...listeners}
            aria-label={t('order.handle', { name })}
            aria-disabled={moving || undefined}
          >
            <Icon name="grip" size={18} strokeWidth={3.2} />
          </button>
          {app.icon_url ? (
            <img className="dapps-icon" src={app.icon_url} alt="" width={20} height={20} />
          ) : null}
          <span className="dapps-title" dir="auto">
            {shownName}
          </span>
          {app.has_secret ? (
            <span className="dapps-badge" title={t('table.signedHint')}>
              <Icon name="lock" size={12} /> {t('table.signed')}
            </span>
          ) : null}
        </div>
        <div className="dapps-endpoint">
          <bdi dir="ltr" title={url}>
            {url}
          </bdi>
          {punycode ? (
            <bdi dir="ltr" className="dapps-punycode" title={t('table.punycodeHint')}>
              {punycode}
            </bdi>
          ) : null}
          {more > 0 ? (
            <bdi
              dir="ltr"
              className="dapps-more"
              aria-label={t('table.moreFramesLabel', { count: more })}
            >
              {t('table.moreFrames', { count: more })}
            </bdi>
          ) : null}
        </div>
      </th>
      <td className="dapps-where" data-label={t('table.appearsIn')}>
        <ul className="dapps-chips">
          {app.locations.map((location) => (
            <li key={location} className="dapps-chip">
              {t(`where.${location}.short`)}
            </li>
          ))}
        </ul>
      </td>
      <td className="dapps-who" data-label={t('table.who')}>
        <span dir="auto">{rule}</span>
      </td>
      <td className="dapps-grants-cell" data-label={t('table.grants')}>
        {app.permissions.length === 0 ? (
          <span className="muted">{t('table.grantsNone')}</span>
        ) : (
          <ul className="dapps-grant-chips" aria-label={t('table.grantsOf', { name })}>
            {app.permissions.map((permission) => (
              <li key={permission} className="dapps-grant-chip" title={permission}>
                {permissionWords(permission, i18n.language).short}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="dapps-shown" data-label={t('table.shown')}>
        <EnableSwitch name={name} enabled={app.enabled} onChange={actions.onToggle} />
      </td>
      <td className="dapps-actions-cell">
        <div className="row-actions dapps-actions">
          <button
            type="button"
            className="button button-small"
            aria-label={t('actions.editApp', { name })}
            onClick={actions.onEdit}
          >
            <Icon name="edit" size={14} /> <span aria-hidden="true">{t('actions.edit')}</span>
          </button>
          <Menu
            label={t('actions.moreOf', { name })}
            buttonLabel={t('actions.moreOf', { name })}
            buttonClassName="icon-button"
            buttonContent={<Icon name="more" size={18} />}
            sections={[{ key: 'actions', items: menu }]}
          />
        </div>
      </td>
    </tr>
  );
}
