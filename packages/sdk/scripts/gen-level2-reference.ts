/**
 * Generates docs/dashboard-apps/{en,ar}/level2-reference.md — the level-2 messages, methods
 * (params from the protocol's JSON Schemas, results from its types), permissions, errors,
 * events and limits — from `packages/protocol`. Run: `npm run gen:reference -w
 * @bevatel/dashboard-app-sdk` (writes this and the payload reference).
 * test/level2-reference.test.ts fails when the committed files are stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { slug } from 'github-slugger';
import * as prettier from 'prettier';
import ts from 'typescript';
import {
  APP_ERROR_CODES,
  APP_EVENTS,
  APP_FRAME_HEIGHT,
  APP_LOCATIONS,
  APP_METHODS,
  APP_MODAL_SIZE,
  APP_PERMISSION_LABELS,
  APP_PERMISSIONS,
  APP_REQUEST_LIMITS,
  BEFORE_SEND_TIMEOUT_MS,
  DEFAULT_APP_PERMISSIONS,
  LEVEL2_EVENT,
  LEVEL2_HELLO,
  LEVEL2_READY,
  LEVEL2_REQUEST,
  LEVEL2_RESPONSE,
  MAX_APP_TEXT_LENGTH,
  MAX_BEFORE_SEND_REASON_LENGTH,
  MAX_INBOUND_MESSAGE_LENGTH,
  MAX_NOTIFY_LENGTH,
  MAX_NOTIFY_PER_MINUTE,
  MAX_REQUEST_ID_LENGTH,
  METHOD_PARAMS,
  METHOD_PERMISSIONS,
  type AppMethod,
  type SchemaNode,
} from '@bevatel/protocol';
import { loadProtocol, REPO_ROOT } from './gen-payload-reference';
import {
  ERROR_DESCRIPTIONS,
  EVENT_DESCRIPTIONS,
  MESSAGE_FIELD_DESCRIPTIONS,
  METHOD_DESCRIPTIONS,
} from './level2-descriptions';
import type { Description } from './payload-descriptions';

type Language = 'en' | 'ar';

export const LEVEL2_OUTPUTS: Record<Language, string> = {
  en: 'docs/dashboard-apps/en/level2-reference.md',
  ar: 'docs/dashboard-apps/ar/level2-reference.md',
};

/** Types the payload reference describes field by field: linked, not repeated. */
const PAYLOAD_TYPES: Record<string, string> = {
  AppContextData: 'appcontextdata',
  Message: 'message',
  Contact: 'contact',
};

const TEXT = {
  en: {
    title: 'Level 2 reference',
    generated:
      'Generated from the protocol package (`packages/protocol/src/level2`: the param schemas the dashboard validates with, and the TypeScript types) by `packages/sdk/scripts/gen-level2-reference.ts`. Do not edit by hand: run `npm run gen:reference -w @bevatel/dashboard-app-sdk`.',
    intro:
      'Every message is a JSON **string** `{"event": <key>, "data": {…}}`, posted between the dashboard and your frame like `appContext`. How to use them: [Level 2 chapter](level-2.md). Field types of the context: [payload reference](payload-reference.md).',
    messages: 'Messages',
    key: 'Key',
    direction: 'Direction',
    appToHost: 'app → dashboard',
    hostToApp: 'dashboard → app',
    both: 'both',
    data: '`data`',
    field: 'Field',
    type: 'Type',
    description: 'Description',
    hello:
      'Opts in to level 2. May come at any time after load and be repeated: each one is answered with a ready.',
    ready: "The answer to each hello, once the frame's context exists.",
    request: 'A method call.',
    response:
      'The answer to a request, `{id, result}` or `{id, error}`; also the app’s answer to a blocking event, `{id, result}`.',
    event:
      'An event the app subscribed to; `id` is set on the blocking ones, which expect a response.',
    responseRows: [
      ['id', 'string', 'The request’s (or the blocking event’s) `id`.'],
      ['result?', 'see each method', 'What the method answers; absent on an error.'],
      ['error?', '[AppError](#apperror)', 'Why it was refused; absent on success.'],
    ],
    eventRows: [
      ['name', 'an event name (see Events)', 'Which event.'],
      ['payload', 'see each event', 'The event’s payload.'],
      ['id?', 'string', 'Only on blocking events: answer with a response carrying it.'],
    ],
    order:
      'The dashboard checks a request in this order, and answers the first problem: `unknown_method`, then `permission_denied`, then `invalid_params`, then `conflict`; then it runs the method (which may still answer `forbidden`, `not_available`, `rate_limited`, `invalid_params` from the server, or `internal`). A request without a usable `id` (1–128 characters) cannot be answered and is ignored; everything else gets a response.',
    permissions: 'Permissions',
    permissionsIntro: (defaults: string) =>
      `An administrator grants them per app (**Settings › Integrations › Dashboard Apps**, each a checkbox with these words and its technical name); they take effect on the app's next hello. Nothing is granted by default except ${defaults} (apps registered before level 2 keep reading private notes, as in Chatwoot). A permission never gives an app more than its agent may do: every write runs through the server's own commands with the agent's session.`,
    permission: 'Permission',
    words: 'What the administrator reads',
    methodsColumn: 'Methods',
    always: 'always allowed',
    methods: 'Methods',
    method: 'Method',
    params: 'Params',
    noParams: 'No params: send `{}` or leave `params` out.',
    result: 'Result',
    required: 'required',
    optional: 'optional',
    anyOf: 'One of:',
    errors: 'Errors',
    errorsIntro:
      "`error: {code, message}`. The SDK throws one class per code (`PermissionDeniedError`, `InvalidParamsError`…, all `DashboardAppRequestError` with `code` and `method`), and `RequestTimeoutError` (`code: 'timeout'`) when no answer came in time.",
    code: 'Code',
    events: 'Events',
    eventsIntro:
      'Sent only to documents whose latest hello subscribed to them (`ready.subscribed` says which). A frame that loads a new document is forgotten until it says hello again.',
    payload: 'Payload',
    beforeSendAnswer: (ms: number) =>
      `The answer to \`composer.beforeSend\` is a response \`{id, result: BeforeSendAnswer}\` within ${ms} ms:`,
    locations: 'Locations',
    locationsIntro:
      '`ready.location`: where the frame is shown. On `contact.page` and `navigation.page` there is no conversation: `data.conversation` is `null`, and the methods that act on a conversation answer `not_available`.',
    limits: 'Limits',
    limit: 'Limit',
    value: 'Value',
    limitRows: {
      text: 'Longest text of `composer.insert` and `note.create` (characters)',
      notify: 'Longest `ui.notify` message (characters)',
      notifyRate: '`ui.notify` per app and minute',
      height: '`ui.resize` height (CSS pixels)',
      modalWidth: '`ui.modal.open` width (CSS pixels; default)',
      modalHeight: '`ui.modal.open` height (CSS pixels; default)',
      beforeSend: '`composer.beforeSend` wait before the send goes ahead (ms)',
      reason: 'Longest `reason` shown beside the composer (characters)',
      requestId: 'Longest request `id` (characters)',
      inbound: 'Longest message an app may post (characters)',
      proxy: '`request`: time, body sizes, calls per app and minute',
    },
  },
  ar: {
    title: 'مرجع المستوى 2',
    generated:
      'مولَّد من حزمة البروتوكول (`packages/protocol/src/level2`: مخططات المعاملات التي تتحقق بها لوحة التحكم، وأنواع TypeScript) بواسطة `packages/sdk/scripts/gen-level2-reference.ts`. لا تعدّله يدويًا: شغّل `npm run gen:reference -w @bevatel/dashboard-app-sdk`.',
    intro:
      'كل رسالة **نص** JSON بالشكل `{"event": <key>, "data": {…}}`، يُرسل بين لوحة التحكم وإطارك مثل `appContext`. طريقة استخدامها: [فصل المستوى 2](level-2.md). أنواع حقول السياق: [مرجع الحمولة](payload-reference.md).',
    messages: 'الرسائل',
    key: 'المفتاح',
    direction: 'الاتجاه',
    appToHost: 'التطبيق ← لوحة التحكم',
    hostToApp: 'لوحة التحكم ← التطبيق',
    both: 'الاتجاهان',
    data: '`data`',
    field: 'الحقل',
    type: 'النوع',
    description: 'الوصف',
    hello:
      'الاشتراك في المستوى 2. قد تصل في أي وقت بعد التحميل وقد تتكرر: ويُجاب كلٌّ منها برسالة ready.',
    ready: 'الرد على كل hello، متى وُجد سياق الإطار.',
    request: 'استدعاء طريقة.',
    response:
      'الرد على طلب، `{id, result}` أو `{id, error}`؛ وهي أيضًا رد التطبيق على حدث حاجب، `{id, result}`.',
    event: 'حدث اشترك فيه التطبيق؛ ويُضبط `id` في الأحداث الحاجبة التي تنتظر ردًا.',
    responseRows: [
      ['id', 'string', 'قيمة `id` في الطلب (أو في الحدث الحاجب).'],
      ['result?', 'انظر كل طريقة', 'ما تُرجعه الطريقة؛ يغيب عند الخطأ.'],
      ['error?', '[AppError](#apperror)', 'سبب الرفض؛ يغيب عند النجاح.'],
    ],
    eventRows: [
      ['name', 'اسم حدث (انظر الأحداث)', 'أي حدث.'],
      ['payload', 'انظر كل حدث', 'حمولة الحدث.'],
      ['id?', 'string', 'في الأحداث الحاجبة فقط: أجب برسالة response تحمله.'],
    ],
    order:
      'تفحص لوحة التحكم الطلب بهذا الترتيب وتجيب بأول مشكلة: `unknown_method`، ثم `permission_denied`، ثم `invalid_params`، ثم `conflict`؛ ثم تنفّذ الطريقة (وقد تُرجع بعدها `forbidden` أو `not_available` أو `rate_limited` أو `invalid_params` من الخادم أو `internal`). الطلب الذي لا يحمل `id` صالحًا (من 1 إلى 128 حرفًا) لا يمكن الرد عليه ويُتجاهل؛ وكل ما عداه يتلقى ردًا.',
    permissions: 'الصلاحيات',
    permissionsIntro: (defaults: string) =>
      `يمنحها المسؤول لكل تطبيق (**الإعدادات › عمليات التكامل › تطبيقات لوحة المعلومات**، كل صلاحية مربع اختيار بهذه الكلمات واسمها التقني)؛ وتسري عند رسالة hello التالية من التطبيق. لا يُمنح شيء افتراضيًا سوى ${defaults} (التطبيقات المسجلة قبل المستوى 2 تظل تقرأ الملاحظات الخاصة كما في Chatwoot). لا تعطي الصلاحية التطبيق أبدًا أكثر مما يحق لموظفه: كل تعديل يمر بأوامر الخادم نفسها بجلسة الموظف.`,
    permission: 'الصلاحية',
    words: 'ما يقرؤه المسؤول',
    methodsColumn: 'الطرق',
    always: 'مسموحة دائمًا',
    methods: 'الطرق',
    method: 'الطريقة',
    params: 'المعاملات',
    noParams: 'بلا معاملات: أرسل `{}` أو اترك `params`.',
    result: 'النتيجة',
    required: 'مطلوب',
    optional: 'اختياري',
    anyOf: 'أحد الشكلين:',
    errors: 'الأخطاء',
    errorsIntro:
      "`error: {code, message}`. ترمي الحزمة صنفًا لكل رمز (`PermissionDeniedError` و`InvalidParamsError`…، وكلها `DashboardAppRequestError` مع `code` و`method`)، و`RequestTimeoutError` (`code: 'timeout'`) إن لم يصل رد في الوقت المحدد.",
    code: 'الرمز',
    events: 'الأحداث',
    eventsIntro:
      'تُرسل فقط إلى المستندات التي اشتركت فيها في آخر hello (ويذكرها `ready.subscribed`). الإطار الذي يحمّل مستندًا جديدًا يُنسى حتى يرسل hello من جديد.',
    payload: 'الحمولة',
    beforeSendAnswer: (ms: number) =>
      `الرد على \`composer.beforeSend\` رسالة response \`{id, result: BeforeSendAnswer}\` خلال ${ms} مللي ثانية:`,
    locations: 'المواقع',
    locationsIntro:
      '`ready.location`: أين يُعرض الإطار. في `contact.page` و`navigation.page` لا توجد محادثة: تكون `data.conversation` بقيمة `null`، وتُرجع الطرق التي تعمل على محادثة `not_available`.',
    limits: 'الحدود',
    limit: 'الحد',
    value: 'القيمة',
    limitRows: {
      text: 'أطول نص في `composer.insert` و`note.create` (أحرف)',
      notify: 'أطول رسالة `ui.notify` (أحرف)',
      notifyRate: 'عدد `ui.notify` لكل تطبيق في الدقيقة',
      height: 'ارتفاع `ui.resize` (بكسل CSS)',
      modalWidth: 'عرض `ui.modal.open` (بكسل CSS؛ الافتراضي)',
      modalHeight: 'ارتفاع `ui.modal.open` (بكسل CSS؛ الافتراضي)',
      beforeSend: 'انتظار `composer.beforeSend` قبل أن يمضي الإرسال (مللي ثانية)',
      reason: 'أطول `reason` يظهر بجانب مربع الكتابة (أحرف)',
      requestId: 'أطول `id` للطلب (أحرف)',
      inbound: 'أطول رسالة يرسلها التطبيق (أحرف)',
      proxy: '`request`: المهلة، وأحجام الجسم، والاستدعاءات لكل تطبيق في الدقيقة',
    },
  },
} as const;

const LOCATION_WORDS: Record<(typeof APP_LOCATIONS)[number], Description> = {
  'conversation.tab': { en: 'a tab beside the conversation', ar: 'تبويب بجانب المحادثة' },
  'conversation.sidebar': {
    en: 'a panel in the conversation’s sidebar',
    ar: 'لوحة في الشريط الجانبي للمحادثة',
  },
  'contact.page': {
    en: 'the contact’s page (no conversation)',
    ar: 'صفحة جهة الاتصال (بلا محادثة)',
  },
  'navigation.page': {
    en: 'a full page of its own (no conversation)',
    ar: 'صفحة كاملة خاصة به (بلا محادثة)',
  },
  modal: {
    en: 'a dialog the app opened with `ui.modal.open`',
    ar: 'نافذة حوار فتحها التطبيق بـ `ui.modal.open`',
  },
};

const code = (text: string) => `\`${text}\``;
const cell = (text: string) => text.replace(/\n/g, ' ').replace(/(?<!\\)\|/g, '\\|');
/**
 * A link to a heading of the page: the dashboard's guide (and a code host) give headings
 * GitHub's ids, and raw HTML anchors are not rendered. `labels.add` → `#labelsadd`.
 */
const to = (heading: string) => `#${slug(heading.replace(/`/g, ''))}`;
const methodLink = (method: string) => `[${code(method)}](${to(method)})`;

const LINK = /\[([^\]]+)\]\(([^)]+)\)/g;
/**
 * A rendered type as code (always left to right, also on the Arabic pages, where plain
 * `{ labels: string[] }` would be reordered), followed by the links it named.
 */
function typeText(rendered: string): string {
  const whole = /^\[([^\]]+)\]\(([^)]+)\)((?:\[\])?)$/.exec(rendered);
  if (whole) return `[${code(`${whole[1]}${whole[3]}`)}](${whole[2]})`;
  const links = [...new Set([...rendered.matchAll(LINK)].map(([link]) => link))];
  const plain = code(rendered.replace(LINK, '$1'));
  return links.length ? `${plain} (${links.join(', ')})` : plain;
}

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

function described(table: Record<string, Description>, key: string, language: Language) {
  const words = table[key];
  if (!words) throw new Error(`level2-descriptions.ts has no words for ${key}`);
  return words[language];
}

// ---- JSON Schema → words --------------------------------------------------------------------

const number = (value: number) => value.toLocaleString('en-US');

const UNITS = {
  en: {
    characters: 'characters',
    items: 'items',
    keys: 'keys',
    unique: 'unique',
    arrayOf: 'array of',
    names: 'names',
    pattern: 'pattern',
    objectOfStrings: 'object of strings',
  },
  ar: {
    characters: 'حرفًا',
    items: 'عنصرًا',
    keys: 'مفتاحًا',
    unique: 'بلا تكرار',
    arrayOf: 'مصفوفة من',
    names: 'الأسماء',
    pattern: 'النمط',
    objectOfStrings: 'كائن قيمه نصوص',
  },
} as const;

/** The schemas' own descriptions (English, in packages/protocol), in Arabic. */
const SCHEMA_DESCRIPTIONS_AR: Record<string, string> = {
  'custom attributes to merge (16 KB of JSON at most once merged)':
    'سمات مخصصة للدمج (16 كيلوبايت من JSON على الأكثر بعد الدمج)',
  'either {assignee_id} or {team_id}; null unassigns':
    'إما {assignee_id} أو {team_id}؛ والقيمة null تلغي الإسناد',
  'must be an https:// URL': 'يجب أن يكون رابط https://',
  'must be an https:// URL on the allowlist the administrator set':
    'يجب أن يكون رابط https:// من قائمة السماح التي وضعها المسؤول',
};

function schemaDescription(text: string | undefined, language: Language): string {
  if (!text) return '';
  if (language === 'en') return text;
  const arabic = SCHEMA_DESCRIPTIONS_AR[text];
  if (!arabic) throw new Error(`gen-level2-reference.ts has no Arabic for "${text}"`);
  return arabic;
}

function range(min: number | undefined, max: number | undefined, unit: string): string | null {
  if (min !== undefined && max !== undefined) return `${number(min)}–${number(max)} ${unit}`;
  if (max !== undefined) return `≤ ${number(max)} ${unit}`;
  if (min !== undefined) return `≥ ${number(min)} ${unit}`;
  return null;
}

/** A schema as a type and its constraints, e.g. `string` (1–255 characters). */
function schemaType(node: SchemaNode, language: Language): string {
  const u = UNITS[language];
  if (node.enum) return node.enum.map((value) => code(JSON.stringify(value))).join(' | ');
  if (node.anyOf) return node.anyOf.map((member) => schemaType(member, language)).join(' | ');
  const notes: string[] = [];
  let type: string = node.type ?? 'any';
  if (node.type === 'string') {
    const length = range(node.minLength, node.maxLength, u.characters);
    if (length) notes.push(length);
    if (node.pattern) notes.push(`${u.pattern} ${code(node.pattern)}`);
  } else if (node.type === 'integer') {
    const bounds = range(node.minimum, node.maximum, '');
    if (bounds) notes.push(bounds.trim());
  } else if (node.type === 'array' && node.items) {
    type = `${u.arrayOf} ${schemaType(node.items, language)}`;
    const items = range(node.minItems, node.maxItems, u.items);
    if (items) notes.push(items);
    if (node.uniqueItems) notes.push(u.unique);
  } else if (node.type === 'object') {
    type = typeof node.additionalProperties === 'object' ? u.objectOfStrings : 'object';
    const keys = range(node.minProperties, node.maxProperties, u.keys);
    if (keys) notes.push(keys);
    const names = node.propertyNames;
    if (names) {
      const length = range(names.minLength, names.maxLength, u.characters);
      if (length) notes.push(`${u.names} ${length}`);
    }
  }
  return notes.length ? `${type} (${notes.join(language === 'ar' ? '، ' : ', ')})` : type;
}

function paramRows(node: SchemaNode, language: Language): string[][] {
  const t = TEXT[language];
  return Object.entries(node.properties ?? {}).map(([name, property]) => [
    code(name),
    schemaType(property, language),
    node.required?.includes(name) ? t.required : t.optional,
    schemaDescription(property.description, language),
  ]);
}

function paramsSection(method: AppMethod, language: Language): string {
  const t = TEXT[language];
  const node: SchemaNode = METHOD_PARAMS[method];
  const head = [t.field, t.type, '', t.description];
  if (node.anyOf) {
    const variants = node.anyOf.map((variant) => table(head, paramRows(variant, language)));
    const note = schemaDescription(node.description, language);
    return [`${t.anyOf}${note ? ` ${note}` : ''}`, ...variants].join('\n\n');
  }
  const rows = paramRows(node, language);
  return rows.length ? table(head, rows) : t.noParams;
}

// ---- TypeScript types → words ---------------------------------------------------------------

/** A union of the protocol's (methods, events…), shown as a link to the list of its values. */
interface UnionLink {
  values: readonly string[];
  text: string;
}

/** The link for a union whose string literals are exactly one of the protocol's lists. */
function unionLink(type: ts.UnionType, links: UnionLink[]): string | null {
  const values = type.types.map((member) => (member.isStringLiteral() ? member.value : null));
  if (values.includes(null)) return null;
  const key = [...values].sort().join(',');
  return links.find((link) => [...link.values].sort().join(',') === key)?.text ?? null;
}

function typeRenderer(checker: ts.TypeChecker, language: Language, links: UnionLink[]) {
  const render = (type: ts.Type): string => {
    const alias = type.aliasSymbol?.name;
    if (alias === 'JsonObject') return 'object';
    const linked = type.isUnion() ? unionLink(type, links) : null;
    if (linked) return linked;
    const name = type.getSymbol()?.name;
    if (name && name in PAYLOAD_TYPES) {
      return `[${name}](payload-reference.md#${PAYLOAD_TYPES[name]})`;
    }
    // The REST conversation: named, and described where it appears (conversation.updated).
    if (name === 'Conversation') return 'Conversation';
    if (type.isUnion()) {
      const parts = type.types.filter((member) => !(member.flags & ts.TypeFlags.Undefined));
      const booleans = parts.filter((member) => member.flags & ts.TypeFlags.BooleanLiteral);
      const rest = parts.filter((member) => !(member.flags & ts.TypeFlags.BooleanLiteral));
      const texts = rest.map(render);
      if (booleans.length === 2) texts.unshift('boolean');
      else texts.push(...booleans.map((member) => checker.typeToString(member)));
      return [...texts.filter((x) => x !== 'null'), ...texts.filter((x) => x === 'null')].join(
        ' | ',
      );
    }
    if (type.isStringLiteral()) return `"${type.value}"`;
    if (type.isNumberLiteral()) return String(type.value);
    if (type.flags & ts.TypeFlags.String) return 'string';
    if (type.flags & ts.TypeFlags.Number) return 'integer';
    if (type.flags & ts.TypeFlags.Boolean) return 'boolean';
    if (type.flags & ts.TypeFlags.BooleanLiteral) return checker.typeToString(type);
    if (type.flags & ts.TypeFlags.Null) return 'null';
    if (type.flags & ts.TypeFlags.Unknown) return 'JSON value';
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(type as ts.TypeReference);
      const inner = element ? render(element) : 'JSON value';
      return inner.includes('|') ? `(${inner})[]` : `${inner}[]`;
    }
    if (type.flags & ts.TypeFlags.Object) {
      const index = checker.getIndexInfosOfType(type)[0];
      if (index && checker.getPropertiesOfType(type).length === 0) {
        return `{ [key: string]: ${render(index.type)} }`;
      }
      const fields = checker.getPropertiesOfType(type).map((property) => {
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        const optional = property.flags & ts.SymbolFlags.Optional ? '?' : '';
        const fieldType = declaration
          ? render(checker.getTypeOfSymbolAtLocation(property, declaration))
          : 'JSON value';
        return `${property.name}${optional}: ${fieldType}`;
      });
      return `{ ${fields.join('; ')} }`;
    }
    return checker.typeToString(type);
  };
  return render;
}

interface Member {
  name: string;
  optional: boolean;
  type: ts.Type;
  doc: string;
}

function membersOf(checker: ts.TypeChecker, type: ts.Type): Member[] {
  return checker.getPropertiesOfType(type).map((property) => {
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    if (!declaration) throw new Error(`${property.name} has no declaration`);
    return {
      name: property.name,
      optional: (property.flags & ts.SymbolFlags.Optional) !== 0,
      type: checker.getTypeOfSymbolAtLocation(property, declaration),
      doc: ts
        .displayPartsToString(property.getDocumentationComment(checker))
        .replace(/\s+/g, ' ')
        .trim(),
    };
  });
}

// ---- the document ---------------------------------------------------------------------------

/** Names of the protocol's unions, linked to the section that lists their values. */
type Sections = Record<'methods' | 'events' | 'permissions' | 'errors' | 'locations', string>;

function renderDocument(
  language: Language,
  checker: ts.TypeChecker,
  typeOf: (name: string) => ts.Type,
): string {
  const t = TEXT[language];
  const sections: Sections = {
    methods: t.methods,
    events: t.events,
    permissions: t.permissions,
    errors: t.errors,
    locations: t.locations,
  };
  const unionLinks: UnionLink[] = [
    { values: APP_METHODS, text: `[AppMethod](${to(sections.methods)})` },
    { values: APP_EVENTS, text: `[AppEventName](${to(sections.events)})` },
    { values: APP_PERMISSIONS, text: `[AppPermission](${to(sections.permissions)})` },
    { values: APP_ERROR_CODES, text: `[AppErrorCode](${to(sections.errors)})` },
    { values: APP_LOCATIONS, text: `[AppLocation](${to(sections.locations)})` },
  ];
  const render = typeRenderer(checker, language, unionLinks);
  const fieldTable = (typeName: string) =>
    table(
      [t.field, t.type, t.description],
      membersOf(checker, typeOf(typeName)).map((member) => [
        code(`${member.name}${member.optional ? '?' : ''}`),
        typeText(render(member.type)),
        MESSAGE_FIELD_DESCRIPTIONS[`${typeName}.${member.name}`]?.[language] ?? member.doc,
      ]),
    );
  const parts: string[] = [`# ${t.title}`, `> ${t.generated}`, t.intro];

  parts.push(`## ${t.messages}`);
  const keys: [string, string, string][] = [
    [LEVEL2_HELLO, t.appToHost, t.hello],
    [LEVEL2_READY, t.hostToApp, t.ready],
    [LEVEL2_REQUEST, t.appToHost, t.request],
    [LEVEL2_RESPONSE, t.both, t.response],
    [LEVEL2_EVENT, t.hostToApp, t.event],
  ];
  parts.push(
    table(
      [t.key, t.direction, t.description],
      keys.map(([key, direction, text]) => [`[${code(key)}](${to(key)})`, direction, text]),
    ),
  );
  parts.push(`### ${code(LEVEL2_HELLO)}`, `${t.data}: HelloData`, fieldTable('HelloData'));
  parts.push(`### ${code(LEVEL2_READY)}`, `${t.data}: ReadyData`, fieldTable('ReadyData'));
  parts.push(
    `### ${code(LEVEL2_REQUEST)}`,
    `${t.data}: RequestData`,
    fieldTable('RequestData'),
    t.order,
  );
  parts.push(
    `### ${code(LEVEL2_RESPONSE)}`,
    table(
      [t.field, t.type, t.description],
      t.responseRows.map(([name, type, text]) => [code(name), type, text]),
    ),
    `#### AppError`,
    fieldTable('AppError'),
  );
  parts.push(
    `### ${code(LEVEL2_EVENT)}`,
    table(
      [t.field, t.type, t.description],
      t.eventRows.map(([name, type, text]) => [code(name), type, text]),
    ),
  );

  parts.push(`## ${t.permissions}`);
  parts.push(t.permissionsIntro(DEFAULT_APP_PERMISSIONS.map(code).join(', ')));
  parts.push(
    table(
      [t.permission, t.words, t.methodsColumn],
      APP_PERMISSIONS.map((permission) => [
        code(permission),
        APP_PERMISSION_LABELS[permission][language].long,
        APP_METHODS.filter((method) => METHOD_PERMISSIONS[method] === permission)
          .map(methodLink)
          .join(', ') || '—',
      ]),
    ),
  );

  parts.push(`## ${t.methods}`);
  parts.push(
    table(
      [t.method, t.permission],
      APP_METHODS.map((method) => {
        const permission = METHOD_PERMISSIONS[method];
        return [methodLink(method), permission ? code(permission) : t.always];
      }),
    ),
  );
  const results = membersOf(checker, typeOf('MethodResults'));
  for (const method of APP_METHODS) {
    const result = results.find((member) => member.name === method);
    if (!result) throw new Error(`MethodResults has no ${method}`);
    const permission = METHOD_PERMISSIONS[method];
    parts.push(
      `### ${code(method)}`,
      `${t.permission}: ${permission ? `[${code(permission)}](${to(sections.permissions)})` : t.always}`,
      described(METHOD_DESCRIPTIONS, method, language),
      `**${t.params}**`,
      paramsSection(method, language),
      `**${t.result}**: ${typeText(render(result.type))}${result.doc && language === 'en' ? ` — ${result.doc}` : ''}`,
    );
  }

  parts.push(`## ${t.errors}`, t.errorsIntro);
  parts.push(
    table(
      [t.code, t.description],
      APP_ERROR_CODES.map((error) => [code(error), described(ERROR_DESCRIPTIONS, error, language)]),
    ),
  );

  parts.push(`## ${t.events}`, t.eventsIntro);
  const payloads = membersOf(checker, typeOf('AppEventPayloads'));
  for (const event of APP_EVENTS) {
    const payload = payloads.find((member) => member.name === event);
    if (!payload) throw new Error(`AppEventPayloads has no ${event}`);
    parts.push(
      `### ${code(event)}`,
      described(EVENT_DESCRIPTIONS, event, language),
      `**${t.payload}**: ${typeText(render(payload.type))}`,
    );
  }
  parts.push(
    `### BeforeSendAnswer`,
    t.beforeSendAnswer(BEFORE_SEND_TIMEOUT_MS),
    fieldTable('BeforeSendAnswer'),
  );

  parts.push(`## ${t.locations}`, t.locationsIntro);
  parts.push(
    table(
      [code('location'), t.description],
      APP_LOCATIONS.map((location) => [code(location), LOCATION_WORDS[location][language]]),
    ),
  );

  const l = t.limitRows;
  const { width, height } = APP_MODAL_SIZE;
  parts.push(`## ${t.limits}`);
  parts.push(
    table(
      [t.limit, t.value],
      [
        [l.text, number(MAX_APP_TEXT_LENGTH)],
        [l.notify, number(MAX_NOTIFY_LENGTH)],
        [l.notifyRate, number(MAX_NOTIFY_PER_MINUTE)],
        [l.height, `${APP_FRAME_HEIGHT.min}–${number(APP_FRAME_HEIGHT.max)}`],
        [l.modalWidth, `${width.min}–${number(width.max)}; ${width.default}`],
        [l.modalHeight, `${height.min}–${height.max}; ${height.default}`],
        [l.beforeSend, number(BEFORE_SEND_TIMEOUT_MS)],
        [l.reason, number(MAX_BEFORE_SEND_REASON_LENGTH)],
        [l.requestId, number(MAX_REQUEST_ID_LENGTH)],
        [l.inbound, number(MAX_INBOUND_MESSAGE_LENGTH)],
        [
          l.proxy,
          `${number(APP_REQUEST_LIMITS.timeoutMs)} ms; ${number(APP_REQUEST_LIMITS.maxRequestBytes)} / ${number(APP_REQUEST_LIMITS.maxResponseBytes)} bytes; ${APP_REQUEST_LIMITS.perMinute}`,
        ],
      ],
    ),
  );
  return `${parts.join('\n\n')}\n`;
}

/** The generated files: repository-relative path → formatted Markdown. */
export async function generateLevel2Reference(): Promise<Record<string, string>> {
  const { checker, typeOf } = loadProtocol();
  const config =
    (await prettier.resolveConfig(fileURLToPath(new URL(LEVEL2_OUTPUTS.en, REPO_ROOT)))) ?? {};
  const files: Record<string, string> = {};
  for (const language of ['en', 'ar'] as const) {
    files[LEVEL2_OUTPUTS[language]] = await prettier.format(
      renderDocument(language, checker, typeOf),
      { ...config, parser: 'markdown' },
    );
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await generateLevel2Reference();
  for (const [path, content] of Object.entries(files)) {
    writeFileSync(new URL(path, REPO_ROOT), content);
    console.log(`wrote ${path}`);
  }
}
