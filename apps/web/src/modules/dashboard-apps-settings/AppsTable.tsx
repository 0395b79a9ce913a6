import type { DashboardApp } from '@bevatel/protocol';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type Modifier,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { useRef } from 'react';
import { AppRow, type RowActions } from './AppRow';
import { useDashboardAppsT } from './i18n';
import { moved } from './order';

/** Rows move up and down only. */
const verticalOnly: Modifier = ({ transform }) => ({ ...transform, x: 0 });

/**
 * The account's apps in their order. Each row's handle drags with the mouse (or a finger), or
 * with the keyboard: Space lifts, the arrow keys move, Space drops, Escape cancels; every step
 * is announced in the dashboard's language.
 */
export function AppsTable({
  apps,
  ruleOf,
  busyId,
  moving,
  actionsOf,
  onReorder,
}: {
  apps: DashboardApp[];
  ruleOf: (app: DashboardApp) => string;
  busyId: number | null;
  moving: boolean;
  actionsOf: (app: DashboardApp) => RowActions;
  onReorder: (ids: number[], movedId: number) => void;
}) {
  const { t } = useDashboardAppsT();
  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = apps.map((app) => app.id);
  const nameOf = (id: UniqueIdentifier) => apps.find((app) => app.id === id)?.title ?? '';
  const place = (id: UniqueIdentifier | undefined) =>
    id === undefined ? 0 : ids.indexOf(Number(id)) + 1;
  const total = apps.length;
  // The first "over" of a drag is the item over its own place: saying so would cut off the
  // "picked up" announcement before it is read.
  const justPicked = useRef(false);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      justPicked.current = true;
      return t('order.pickedUp', { name: nameOf(active.id), position: place(active.id), total });
    },
    onDragOver: ({ active, over }) => {
      const first = justPicked.current;
      justPicked.current = false;
      if (!over || (first && over.id === active.id)) return undefined;
      return t('order.over', { name: nameOf(active.id), position: place(over.id), total });
    },
    onDragEnd: ({ active, over }) =>
      t('order.dropped', {
        name: nameOf(active.id),
        position: place(over?.id ?? active.id),
        total,
      }),
    onDragCancel: ({ active }) => t('order.cancelled', { name: nameOf(active.id) }),
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const next = moved(ids, ids.indexOf(Number(active.id)), ids.indexOf(Number(over.id)));
    onReorder(next, Number(active.id));
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      modifiers={[verticalOnly]}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('order.instructions') },
      }}
      onDragEnd={onDragEnd}
    >
      <div className="table-wrap dapps-table-wrap">
        <table className="table dapps-table">
          <caption className="sr-only">{t('table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.name')}</th>
              <th scope="col">{t('table.appearsIn')}</th>
              <th scope="col">{t('table.who')}</th>
              <th scope="col">{t('table.grants')}</th>
              <th scope="col">{t('table.shown')}</th>
              <th scope="col">
                <span className="sr-only">{t('table.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <SortableContext items={ids} strategy={verticalListSortingStrategy}>
              {apps.map((app, index) => (
                <AppRow
                  key={app.id}
                  app={app}
                  index={index}
                  count={apps.length}
                  rule={ruleOf(app)}
                  busy={busyId === app.id}
                  moving={moving}
                  actions={actionsOf(app)}
                />
              ))}
            </SortableContext>
          </tbody>
        </table>
      </div>
    </DndContext>
  );
}
