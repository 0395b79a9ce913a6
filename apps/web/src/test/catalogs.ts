/** Helpers for the tests of the modules' own en/ar catalogs (not a test file itself). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export type CatalogTree = { [key: string]: string | CatalogTree };

/** `{a: {b: 'x'}}` → `{'a.b': 'x'}`: i18next's key paths. */
export function flattenCatalog(tree: CatalogTree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[`${prefix}${key}`, value]]
        : Object.entries(flattenCatalog(value, `${prefix}${key}.`)),
    ),
  );
}

/** The `{{name}}` placeholders of a text, sorted. */
export const placeholdersOf = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

/** Arabic's extra plural forms (zero, two, few, many) have no English twin. */
export const ARABIC_EXTRA_PLURALS = /_(zero|two|few|many)$/;

/** The translation keys the source files of `folders` ask for (their `t(…)` calls). */
export function keysAskedIn(
  folders: readonly URL[],
  isSource: (file: string) => boolean,
): string[] {
  const source = folders
    .filter((folder) => existsSync(folder))
    .flatMap((folder) =>
      readdirSync(folder)
        .filter(isSource)
        .map((file) => readFileSync(new URL(file, folder), 'utf8')),
    )
    .join('\n');
  return [...source.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1] as string);
}
