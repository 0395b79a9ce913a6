import type { Label } from '@bevatel/protocol';
import type { LabelRow } from '../../db/schema';

export function presentLabel(row: LabelRow): Label {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    color: row.color,
    show_on_sidebar: row.show_on_sidebar === 1,
  };
}
