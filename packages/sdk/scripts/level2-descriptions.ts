/**
 * Words for the generated level-2 reference (docs/dashboard-apps/{en,ar}/level2-reference.md)
 * that the protocol's types cannot carry: what each method, event and error means, in English
 * and Arabic. The generator fails when a method, event or error of the protocol has none here,
 * so a new one cannot reach the reference undescribed.
 */
import type { AppErrorCode, AppEventName, AppMethod } from '@bevatel/protocol';
import type { Description } from './payload-descriptions';

export const METHOD_DESCRIPTIONS: Record<AppMethod, Description> = {
  'context.get': {
    en: 'The current context, the same `data` as the latest `appContext`.',
    ar: 'السياق الحالي، وهو نفس `data` في آخر رسالة `appContext`.',
  },
  'token.get': {
    en: 'A fresh signed context token for the conversation in view. `not_available` when the app has no signing secret.',
    ar: 'رمز سياق موقّع جديد للمحادثة المعروضة. يُرجع `not_available` إن لم يكن للتطبيق سرّ توقيع.',
  },
  'composer.insert': {
    en: "Puts text into the conversation's reply box (`target: reply`, the default) or private-note box (`note`): at the agent's caret (`insert`, the default), instead of the draft (`replace`) or after it (`append`). Never sends: the agent reviews and sends. When the box is not on screen (the app fills a tab), the text goes into the conversation's draft and is in the box when the agent returns to Messages (`placed: draft`). `not_available` where there is no conversation.",
    ar: 'يضع نصًا في مربع الرد في المحادثة (`target: reply`، وهو الافتراضي) أو في مربع الملاحظة الخاصة (`note`): عند مؤشر الموظف (`insert`، الافتراضي)، أو بدل المسودة (`replace`)، أو بعدها (`append`). لا يُرسل أبدًا: يراجع الموظف النص ويرسله بنفسه. إن لم يكن المربع ظاهرًا (التطبيق يملأ تبويبًا) يذهب النص إلى مسودة المحادثة ويظهر في المربع حين يعود الموظف إلى الرسائل (`placed: draft`). يُرجع `not_available` حيث لا توجد محادثة.',
  },
  'note.create': {
    en: 'Adds a private note to the conversation, written by the agent through the app: the note carries `content_attributes.app_id`.',
    ar: 'يضيف ملاحظة خاصة إلى المحادثة باسم الموظف عبر التطبيق: تحمل الملاحظة `content_attributes.app_id`.',
  },
  'labels.add': {
    en: "Adds labels of the account to the conversation (the others stay). A label the account does not have is `invalid_params`. The thread's activity line names the app.",
    ar: 'يضيف وسومًا من وسوم الحساب إلى المحادثة (وتبقى الوسوم الأخرى). الوسم غير الموجود في الحساب يُرجع `invalid_params`. يذكر سطر النشاط في المحادثة اسم التطبيق.',
  },
  'labels.remove': {
    en: 'Removes labels from the conversation (the others stay).',
    ar: 'يزيل وسومًا من المحادثة (وتبقى الوسوم الأخرى).',
  },
  'conversation.attributes.set': {
    en: "Merges custom attributes into the conversation's (keys not given stay).",
    ar: 'يدمج سمات مخصصة في سمات المحادثة (تبقى المفاتيح غير المذكورة).',
  },
  'contact.attributes.set': {
    en: "Merges custom attributes into the conversation's contact's.",
    ar: 'يدمج سمات مخصصة في سمات جهة الاتصال الخاصة بالمحادثة.',
  },
  'conversation.status.set': {
    en: 'Opens, resolves, snoozes (with `snoozed_until`, Unix seconds) or sets the conversation pending.',
    ar: 'يفتح المحادثة أو يحلّها أو يؤجّلها (مع `snoozed_until` بثواني يونكس) أو يجعلها معلّقة.',
  },
  'conversation.priority.set': {
    en: "Sets the conversation's priority; `null` removes it.",
    ar: 'يضبط أولوية المحادثة؛ وتزيلها القيمة `null`.',
  },
  'conversation.assign': {
    en: 'Assigns the conversation to an agent (`assignee_id`) or a team (`team_id`); `null` unassigns.',
    ar: 'يُسند المحادثة إلى موظف (`assignee_id`) أو فريق (`team_id`)؛ وتلغي القيمة `null` الإسناد.',
  },
  'ui.notify': {
    en: 'Shows a toast in the dashboard, attributed to the app. At most a few per minute (see the limits): more is `rate_limited`.',
    ar: 'يعرض إشعارًا منبثقًا في لوحة التحكم منسوبًا إلى التطبيق. بحد أقصى بضعة إشعارات في الدقيقة (انظر الحدود): وما زاد يُرجع `rate_limited`.',
  },
  'ui.resize': {
    en: "Sets the frame's height, where the location's height is flexible (a modal); elsewhere the method is not offered in `ready.methods` and answers `not_available`.",
    ar: 'يضبط ارتفاع الإطار حيث يكون الارتفاع مرنًا (نافذة حوار)؛ وفي غير ذلك لا تُعرض الطريقة في `ready.methods` وتُرجع `not_available`.',
  },
  'ui.openUrl': {
    en: 'Opens an `https://` URL in a new browser tab, with `noopener`. `opened: false` when the browser blocked the popup.',
    ar: 'يفتح رابط `https://` في تبويب متصفح جديد مع `noopener`. تكون `opened: false` إن منع المتصفح النافذة.',
  },
  'ui.modal.open': {
    en: "Opens a dialog holding another frame of the same app: the URL is resolved against the app's origin and must stay on it. The dialog's frame gets the same context and is itself a level 1/2 app (location `modal`). Not offered inside a modal.",
    ar: 'يفتح نافذة حوار فيها إطار آخر من التطبيق نفسه: يُحلّ الرابط نسبةً إلى أصل التطبيق ويجب أن يبقى عليه. يتلقى إطار النافذة السياق نفسه، وهو بدوره تطبيق من المستوى 1 أو 2 (الموقع `modal`). غير متاح داخل نافذة حوار.',
  },
  'ui.modal.close': {
    en: "Closes the app's dialog (from its tab or from the dialog itself); `closed: false` when none was open.",
    ar: 'يغلق نافذة حوار التطبيق (من تبويبه أو من النافذة نفسها)؛ وتكون `closed: false` إن لم تكن هناك نافذة مفتوحة.',
  },
  request: {
    en: "Calls a web service on the administrator's allowlist through the dashboard's server, which adds the app's secure settings; the upstream answer comes back whatever its status.",
    ar: 'يستدعي خدمة ويب من قائمة السماح التي وضعها المسؤول عبر خادم لوحة التحكم، الذي يضيف الإعدادات الآمنة للتطبيق؛ ويعود رد الخدمة أيًّا كانت حالته.',
  },
};

export const EVENT_DESCRIPTIONS: Record<AppEventName, Description> = {
  'conversation.changed': {
    en: 'The agent moved to another conversation. An app subscribed to it is not reloaded on a switch: it gets the new context here (and in an `appContext`).',
    ar: 'انتقل الموظف إلى محادثة أخرى. التطبيق المشترك في هذا الحدث لا يُعاد تحميله عند التبديل: يصله السياق الجديد هنا (وفي `appContext`).',
  },
  'conversation.updated': {
    en: 'Status, priority, assignee, team, labels or attributes of the conversation changed. `conversation` is the conversation as `GET /api/v1/accounts/:account_id/conversations/:id` answers.',
    ar: 'تغيّرت حالة المحادثة أو أولويتها أو الموظف أو الفريق المسند إليه أو وسومها أو سماتها. و`conversation` هي المحادثة كما يُرجعها `GET /api/v1/accounts/:account_id/conversations/:id`.',
  },
  'message.created': {
    en: 'A message, note or activity line was added to the conversation.',
    ar: 'أُضيفت رسالة أو ملاحظة أو سطر نشاط إلى المحادثة.',
  },
  'contact.updated': {
    en: "The conversation's contact was edited.",
    ar: 'عُدّلت جهة الاتصال الخاصة بالمحادثة.',
  },
  'theme.changed': {
    en: 'The agent switched between light and dark.',
    ar: 'بدّل الموظف بين المظهر الفاتح والداكن.',
  },
  'locale.changed': {
    en: "The dashboard's language (and so its direction) changed.",
    ar: 'تغيّرت لغة لوحة التحكم (ومعها اتجاه النص).',
  },
  'app.activated': {
    en: "The app's tab or panel was shown.",
    ar: 'ظهر تبويب التطبيق أو لوحته.',
  },
  'app.deactivated': {
    en: "The app's tab or panel was hidden (the frame stays).",
    ar: 'أُخفي تبويب التطبيق أو لوحته (ويبقى الإطار).',
  },
  'composer.beforeSend': {
    en: "Blocking: the agent is about to send this reply or note. Answer with a response carrying the event's `id` and `{allow, reason?}`; `allow: false` holds the draft back with the reason shown beside the composer. No answer in time counts as allow (and is logged in the browser console).",
    ar: 'حدث حاجب: الموظف على وشك إرسال هذا الرد أو هذه الملاحظة. أجب برسالة response تحمل `id` الحدث و`{allow, reason?}`؛ القيمة `allow: false` توقف المسودة ويظهر السبب بجانب مربع الكتابة. عدم الإجابة في الوقت المحدد يُعدّ سماحًا (ويُسجَّل في وحدة تحكم المتصفح).',
  },
};

export const ERROR_DESCRIPTIONS: Record<AppErrorCode, Description> = {
  unknown_method: {
    en: 'No such method here (an older dashboard, a typo, or a method this location does not offer). Checked first.',
    ar: 'لا توجد طريقة بهذا الاسم هنا (لوحة تحكم أقدم، أو خطأ إملائي، أو طريقة لا يوفرها هذا الموقع). يُفحص أولًا.',
  },
  permission_denied: {
    en: "The administrator did not grant the app the method's permission. Checked second, before the params. Tell the agent which permission to ask for.",
    ar: 'لم يمنح المسؤول التطبيق صلاحية هذه الطريقة. يُفحص ثانيًا، قبل المعاملات. أخبر الموظف بالصلاحية التي يطلبها.',
  },
  invalid_params: {
    en: "The params do not match the method's schema (the message names the field), or the server refused them (an unknown label…). Checked third.",
    ar: 'المعاملات لا تطابق مخطط الطريقة (وتذكر الرسالة الحقل)، أو رفضها الخادم (وسم غير موجود…). يُفحص ثالثًا.',
  },
  forbidden: {
    en: 'The agent may not do this: the server refused (not a member of the conversation’s inbox any more…). An app never does more than its agent may.',
    ar: 'لا يحق للموظف فعل ذلك: رفض الخادم (لم يعد عضوًا في صندوق وارد المحادثة…). لا يفعل التطبيق أبدًا أكثر مما يحق لموظفه.',
  },
  not_available: {
    en: 'Not possible where the app is shown: no conversation (contact page, full page), no signing secret, no flexible height, no modal inside a modal.',
    ar: 'غير ممكن حيث يُعرض التطبيق: لا توجد محادثة (صفحة جهة الاتصال، الصفحة الكاملة)، أو لا يوجد سرّ توقيع، أو الارتفاع غير مرن، أو نافذة حوار داخل نافذة حوار.',
  },
  rate_limited: {
    en: 'Too many of these requests (`ui.notify`), or the server’s own rate limit. Try later.',
    ar: 'طلبات كثيرة من هذا النوع (`ui.notify`)، أو حدّ المعدّل لدى الخادم. حاول لاحقًا.',
  },
  conflict: {
    en: "The conversation changed under the request: the request's `conversation_id` is not the one in view (the agent switched). Nothing was done.",
    ar: 'تغيّرت المحادثة أثناء الطلب: قيمة `conversation_id` في الطلب ليست المحادثة المعروضة (بدّل الموظف المحادثة). لم يُنفّذ شيء.',
  },
  internal: {
    en: 'Anything else: the dashboard or its server failed.',
    ar: 'أي شيء آخر: تعطّلت لوحة التحكم أو خادمها.',
  },
};

/** Fields of the envelope's messages, by `Type.field`; English falls back to the doc comment. */
export const MESSAGE_FIELD_DESCRIPTIONS: Record<string, Description> = {
  'HelloData.protocol': {
    en: 'The protocol version the app speaks: 2.',
    ar: 'إصدار البروتوكول الذي يتحدثه التطبيق: 2.',
  },
  'HelloData.sdk': {
    en: "The SDK's version, or whatever the app wants to report (64 characters are kept).",
    ar: 'إصدار الحزمة، أو أي نص يريد التطبيق ذكره (يُحتفظ بـ 64 حرفًا).',
  },
  'HelloData.subscribe': {
    en: 'Events the app wants; unknown names are ignored. Each hello replaces the previous list.',
    ar: 'الأحداث التي يريدها التطبيق؛ وتُتجاهل الأسماء غير المعروفة. كل hello يستبدل القائمة السابقة.',
  },
  'ReadyData.protocol': { en: 'Always 2.', ar: 'دائمًا 2.' },
  'ReadyData.methods': {
    en: 'The methods offered here (a location may offer fewer: no `ui.resize` in a tab).',
    ar: 'الطرق المتاحة هنا (قد يتيح موقع ما طرقًا أقل: لا `ui.resize` في التبويب).',
  },
  'ReadyData.events': {
    en: 'The events this dashboard can send.',
    ar: 'الأحداث التي تستطيع لوحة التحكم هذه إرسالها.',
  },
  'ReadyData.permissions': {
    en: 'What the administrator granted this app.',
    ar: 'ما منحه المسؤول لهذا التطبيق.',
  },
  'ReadyData.subscribed': {
    en: 'The events of `subscribe` the host will send.',
    ar: 'أحداث `subscribe` التي سترسلها لوحة التحكم.',
  },
  'ReadyData.location': {
    en: 'Where the app is shown.',
    ar: 'أين يُعرض التطبيق.',
  },
  'ReadyData.locale': { en: "The dashboard's language.", ar: 'لغة لوحة التحكم.' },
  'ReadyData.dir': { en: 'Text direction.', ar: 'اتجاه النص.' },
  'ReadyData.theme': { en: 'Light or dark.', ar: 'فاتح أو داكن.' },
  'ReadyData.context': {
    en: 'The current context, as in `appContext`.',
    ar: 'السياق الحالي، كما في `appContext`.',
  },
  'RequestData.id': {
    en: 'Chosen by the app (1–128 characters); the response carries it back.',
    ar: 'يختاره التطبيق (من 1 إلى 128 حرفًا)؛ ويعود في الرد.',
  },
  'RequestData.method': { en: 'A method name.', ar: 'اسم طريقة.' },
  'RequestData.params': {
    en: "The method's params; missing means `{}`.",
    ar: 'معاملات الطريقة؛ وغيابها يعني `{}`.',
  },
  'RequestData.conversation_id': {
    en: 'The display id of the conversation the app believes is in view (the SDK sends its latest context’s). When another one is shown, the answer is `conflict`.',
    ar: 'المعرّف المعروض للمحادثة التي يظن التطبيق أنها معروضة (ترسل الحزمة معرّف آخر سياق لديها). إن كانت محادثة أخرى معروضة يكون الرد `conflict`.',
  },
  'AppError.code': { en: 'One of the error codes below.', ar: 'أحد رموز الأخطاء أدناه.' },
  'AppError.message': {
    en: 'What went wrong, in English, for the developer (not for the agent).',
    ar: 'ما الخطأ، بالإنجليزية، للمطوّر (لا للموظف).',
  },
  'BeforeSendAnswer.allow': {
    en: 'Whether the draft may be sent.',
    ar: 'هل يجوز إرسال المسودة.',
  },
  'BeforeSendAnswer.reason': {
    en: 'Shown to the agent beside the composer when `allow` is false.',
    ar: 'يظهر للموظف بجانب مربع الكتابة حين تكون `allow` خاطئة.',
  },
};
