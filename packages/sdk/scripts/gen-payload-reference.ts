/**
 * Generates docs/dashboard-apps/{en,ar}/payload-reference.md from the protocol's TypeScript
 * types (fields, types, doc comments) and the product document's JSON Schema (which fields the
 * document itself lists). Run: `npm run gen:reference -w @bevatel/dashboard-app-sdk`.
 * test/payload-reference.test.ts fails when the committed files are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { slug as githubSlug } from 'github-slugger';
import * as prettier from 'prettier';
import ts from 'typescript';
import { createSampleContext } from '../src/simulator/sample-context';
import { DESCRIPTIONS } from './payload-descriptions';

type Language = 'en' | 'ar';

interface SchemaNode {
  type?: string | string[];
  required?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

interface Row {
  name: string;
  optional: boolean;
  type: string;
  documented: boolean;
  description: Record<Language, string>;
}

interface Section {
  id: string;
  typeName: string | null;
  paths: string[];
  type: ts.Type;
  schema: SchemaNode | undefined;
  rows: Row[];
}

const REPO = new URL('../../../', import.meta.url);
const PROTOCOL_ENTRY = fileURLToPath(new URL('packages/protocol/src/index.ts', REPO));
const SCHEMA_FILE = new URL('packages/protocol/schema/app-context.schema.json', REPO);
export const OUTPUTS: Record<Language, string> = {
  en: 'docs/dashboard-apps/en/payload-reference.md',
  ar: 'docs/dashboard-apps/ar/payload-reference.md',
};
const OPAQUE_ALIASES: Record<string, string> = {
  JsonObject: 'object',
  JsonValue: 'JSON value',
  Record: 'object',
};

export function loadProtocol() {
  const program = ts.createProgram([PROTOCOL_ENTRY], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: true,
    // Only what the protocol needs: no DOM and no @types/* (they would triple the time).
    lib: ['lib.es2022.d.ts'],
    types: [],
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(PROTOCOL_ENTRY);
  if (!source) throw new Error(`Cannot read ${PROTOCOL_ENTRY}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error('The protocol entry has no exports');
  const exports = checker.getExportsOfModule(moduleSymbol);
  const typeOf = (name: string): ts.Type => {
    const symbol = exports.find((s) => s.name === name);
    if (!symbol) throw new Error(`The protocol does not export ${name}`);
    const resolved =
      symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return checker.getDeclaredTypeOfSymbol(resolved);
  };
  return { checker, typeOf };
}

/** Inherited fields first, in their base's order (getPropertiesOfType lists own ones first). */
function inDeclarationOrder(checker: ts.TypeChecker, type: ts.Type): ts.Symbol[] {
  const properties = checker.getPropertiesOfType(type);
  const isInterface =
    (type.flags & ts.TypeFlags.Object) !== 0 &&
    ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Interface) !== 0;
  if (!isInterface) return properties;
  const baseNames = (checker.getBaseTypes(type as ts.InterfaceType) ?? []).flatMap((base) =>
    inDeclarationOrder(checker, base).map((p) => p.name),
  );
  const rank = (p: ts.Symbol) => {
    const index = baseNames.indexOf(p.name);
    return index === -1 ? baseNames.length + properties.indexOf(p) : index;
  };
  return [...properties].sort((a, b) => rank(a) - rank(b));
}

/** GitHub's heading id (and the dashboard's rendered guide's): "data.account" → "dataaccount". */
function slug(id: string): string {
  return githubSlug(id);
}

function buildSections(
  checker: ts.TypeChecker,
  root: ts.Type,
  rootSchema: SchemaNode | undefined,
  rootPath: string,
) {
  const sections = new Map<string, Section>();
  const order: Section[] = [];

  const isOpaque = (type: ts.Type) => {
    const alias = type.aliasSymbol?.name;
    return alias !== undefined && alias in OPAQUE_ALIASES;
  };
  const isObjectLike = (type: ts.Type) =>
    (type.flags & ts.TypeFlags.Object) !== 0 && !checker.isArrayType(type) && !isOpaque(type);
  const nameOf = (type: ts.Type): string | null => {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    return symbol && symbol.name !== '__type' && symbol.name !== '__object' ? symbol.name : null;
  };

  // Breadth-first, so that a type's section sits near where it first appears.
  const queue: { type: ts.Type; path: string; schema: SchemaNode | undefined }[] = [
    { type: root, path: rootPath, schema: rootSchema },
  ];
  const sectionFor = (type: ts.Type, path: string, schema: SchemaNode | undefined): Section => {
    const typeName = nameOf(type);
    const id = typeName ?? path;
    let section = sections.get(id);
    if (!section) {
      section = { id, typeName, paths: [], type, schema, rows: [] };
      sections.set(id, section);
      order.push(section);
      queue.push({ type, path, schema });
    }
    if (!section.paths.includes(path)) section.paths.push(path);
    section.schema ??= schema;
    return section;
  };

  const render = (type: ts.Type, path: string, schema: SchemaNode | undefined): string => {
    if (isOpaque(type)) return OPAQUE_ALIASES[type.aliasSymbol?.name ?? ''] ?? 'object';
    if (type.isUnion()) {
      const members = type.types;
      const hasTrue = members.some(
        (m) => m.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(m) === 'true',
      );
      const hasFalse = members.some(
        (m) => m.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(m) === 'false',
      );
      const parts: string[] = [];
      for (const member of members) {
        if (member.flags & ts.TypeFlags.Undefined) continue;
        if (member.flags & ts.TypeFlags.BooleanLiteral && hasTrue && hasFalse) {
          if (!parts.includes('boolean')) parts.push('boolean');
          continue;
        }
        const text = render(member, path, schema);
        if (!parts.includes(text)) parts.push(text);
      }
      // null last reads better: "string | null".
      return [...parts.filter((p) => p !== 'null'), ...parts.filter((p) => p === 'null')].join(
        ' \\| ',
      );
    }
    if (type.isStringLiteral()) return `"${type.value}"`;
    if (type.isNumberLiteral()) return String(type.value);
    if (type.flags & ts.TypeFlags.String) return 'string';
    if (type.flags & ts.TypeFlags.Number) return 'integer';
    if (type.flags & ts.TypeFlags.Boolean) return 'boolean';
    if (type.flags & ts.TypeFlags.BooleanLiteral) return checker.typeToString(type);
    if (type.flags & ts.TypeFlags.Null) return 'null';
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(type as ts.TypeReference);
      if (!element) return 'array';
      const inner = render(element, `${path}[]`, schema?.items);
      return inner.includes('|') ? `(${inner})[]` : `${inner}[]`;
    }
    if (isObjectLike(type)) {
      const section = sectionFor(type, path, schema);
      return `[${section.typeName ?? 'object'}](#${slug(section.id)})`;
    }
    return checker.typeToString(type);
  };

  while (queue.length) {
    const { type, path, schema } = queue.shift() as (typeof queue)[number];
    const section = sectionFor(type, path, schema);
    if (section.rows.length) continue;
    for (const property of inDeclarationOrder(checker, type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (!declaration) continue;
      const propertyType = checker.getTypeOfSymbolAtLocation(property, declaration);
      const childPath = path ? `${path}.${property.name}` : property.name;
      const childSchema = schema?.properties?.[property.name];
      const doc = ts
        .displayPartsToString(property.getDocumentationComment(checker))
        .replace(/\s+/g, ' ')
        .trim();
      const described =
        DESCRIPTIONS[`${section.id}.${property.name}`] ??
        DESCRIPTIONS[childPath] ??
        DESCRIPTIONS[property.name];
      section.rows.push({
        name: property.name,
        optional: (property.flags & ts.SymbolFlags.Optional) !== 0,
        type: render(propertyType, childPath, childSchema),
        documented: schema?.required?.includes(property.name) ?? false,
        description: { en: described?.en ?? doc, ar: described?.ar ?? '' },
      });
    }
  }
  return order;
}

const TEXT = {
  en: {
    title: 'Payload reference',
    generated:
      "Generated from the protocol package types (`packages/protocol/src`) and the product document's JSON Schema by `packages/sdk/scripts/gen-payload-reference.ts`. Do not edit by hand: run `npm run gen:reference -w @bevatel/dashboard-app-sdk`.",
    intro:
      'The dashboard posts `JSON.stringify(message)` to your frame: parse `event.data`, check `event === "appContext"`, then read `data`. Every field below is always present unless marked optional (`?`). Extra fields may appear: ignore what you do not know.',
    legend:
      "**Doc** ✓: listed in the product document (apps written for Chatwoot read these). **+**: beyond the document: Chatwoot extras and Bevatel's additive fields. Times are Unix seconds; `integer` is a JSON number without fraction.",
    appears: 'Appears at',
    field: 'Field',
    type: 'Type',
    doc: 'Doc',
    description: 'Description',
    message: 'The message',
    claims: 'Token claims (`data.token`)',
    claimsIntro:
      "The JWT in `data.token` is signed with HS256 over your app's signing secret. Verify it on your backend with `verifyContextToken(token, secret, { audience })` from `@bevatel/dashboard-app-sdk/server`; these are the claims it returns.",
    example: 'Example',
    exampleIntro:
      "A context from the SDK's simulator (`createSampleContext()`), messages trimmed to two and the token shortened:",
  },
  ar: {
    title: 'مرجع الحمولة',
    generated:
      'مولَّد من أنواع حزمة البروتوكول (`packages/protocol/src`) ومن مخطط JSON لوثيقة المنتج بواسطة `packages/sdk/scripts/gen-payload-reference.ts`. لا تعدّله يدوياً: شغّل `npm run gen:reference -w @bevatel/dashboard-app-sdk`.',
    intro:
      'ترسل لوحة التحكم `JSON.stringify(message)` إلى إطار تطبيقك: حلّل `event.data`، وتحقّق من أن `event === "appContext"`، ثم اقرأ `data`. كل حقل أدناه موجود دائماً ما لم يُعلَّم بأنه اختياري (`?`). قد تظهر حقول إضافية: تجاهل ما لا تعرفه.',
    legend:
      '**الوثيقة** ✓: مذكور في وثيقة المنتج (وتقرؤه التطبيقات المكتوبة لـ Chatwoot). **+**: خارج الوثيقة: إضافات Chatwoot وحقول Bevatel الإضافية. الأوقات بثواني يونكس؛ و`integer` رقم JSON بلا كسور.',
    appears: 'يظهر في',
    field: 'الحقل',
    type: 'النوع',
    doc: 'الوثيقة',
    description: 'الوصف',
    message: 'الرسالة',
    claims: 'مطالبات الرمز (`data.token`)',
    claimsIntro:
      'رمز JWT في `data.token` موقّع بخوارزمية HS256 بسرّ التوقيع الخاص بتطبيقك. تحقّق منه في الخادم الخلفي عبر `verifyContextToken(token, secret, { audience })` من `@bevatel/dashboard-app-sdk/server`؛ وهذه هي المطالبات التي تعيدها.',
    example: 'مثال',
    exampleIntro:
      'سياق من محاكي الحزمة (`createSampleContext()`)، مع الاكتفاء برسالتين وتقصير الرمز:',
  },
} as const;

function table(section: Section, language: Language, withDoc: boolean): string {
  const t = TEXT[language];
  const head = withDoc
    ? `| ${t.field} | ${t.type} | ${t.doc} | ${t.description} |\n|---|---|---|---|`
    : `| ${t.field} | ${t.type} | ${t.description} |\n|---|---|---|`;
  const rows = section.rows.map((row) => {
    const name = `\`${row.name}${row.optional ? '?' : ''}\``;
    const description = (row.description[language] || row.description.en).replace(/\|/g, '\\|');
    return withDoc
      ? `| ${name} | ${row.type} | ${row.documented ? '✓' : '+'} | ${description} |`
      : `| ${name} | ${row.type} | ${description} |`;
  });
  return [head, ...rows].join('\n');
}

function exampleJson(): string {
  const data = createSampleContext({ conversation: 'billing-en', now: 1_767_225_600 });
  const messages = data.conversation.messages;
  data.conversation.messages = [messages[0], messages[2]].filter((m) => m !== undefined);
  data.token = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOi…';
  return JSON.stringify({ event: 'appContext', data }, null, 2);
}

function renderDocument(language: Language, sections: Section[], claims: Section[]): string {
  const t = TEXT[language];
  const parts: string[] = [`# ${t.title}`, `> ${t.generated}`, t.intro, t.legend];
  for (const section of sections) {
    const title =
      section.typeName === 'AppContextEvent' ? t.message : (section.typeName ?? section.id);
    // The heading's own GitHub id is the anchor (slug(title) === slug(section.id)): raw HTML
    // anchors would show as text in the guide the dashboard serves (it renders no HTML).
    parts.push(`## ${title}`);
    if (section.paths.some(Boolean)) {
      parts.push(`${t.appears}: ${section.paths.map((p) => `\`${p}\``).join(', ')}`);
    }
    parts.push(table(section, language, true));
  }
  for (const section of claims) {
    parts.push(`## ${t.claims}`, t.claimsIntro, table(section, language, false));
  }
  parts.push(`## ${t.example}`, t.exampleIntro, '```json\n' + exampleJson() + '\n```');
  return `${parts.join('\n\n')}\n`;
}

/** The generated files: repository-relative path → formatted Markdown. */
export async function generatePayloadReference(): Promise<Record<string, string>> {
  const { checker, typeOf } = loadProtocol();
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as SchemaNode;
  const sections = buildSections(checker, typeOf('AppContextEvent'), schema, '');
  const claims = buildSections(checker, typeOf('ContextTokenClaims'), undefined, '');
  const config = (await prettier.resolveConfig(fileURLToPath(new URL(OUTPUTS.en, REPO)))) ?? {};
  const files: Record<string, string> = {};
  for (const language of ['en', 'ar'] as const) {
    files[OUTPUTS[language]] = await prettier.format(renderDocument(language, sections, claims), {
      ...config,
      parser: 'markdown',
    });
  }
  return files;
}

export const REPO_ROOT = REPO;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await generatePayloadReference();
  for (const [path, content] of Object.entries(files)) {
    writeFileSync(new URL(path, REPO), content);
    console.log(`wrote ${path}`);
  }
}
