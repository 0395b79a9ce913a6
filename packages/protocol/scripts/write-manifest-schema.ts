/** Writes schema/dashboard-app-manifest.schema.json from the schema in src/manifest.ts. */
import { writeFileSync } from 'node:fs';
import { manifestJsonSchema } from '../src/manifest';

const target = new URL('../schema/dashboard-app-manifest.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
