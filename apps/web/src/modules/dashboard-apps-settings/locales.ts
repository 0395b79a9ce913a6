/**
 * This page's strings, in their own i18next namespace. Arabic follows the product document's
 * own wording (الإعدادات › عمليات التكامل › تطبيقات لوحة المعلومات).
 */
import { manifestAr, manifestEn } from './strings-manifest';
import { placementAr, placementEn } from './strings-placement';

export const NAMESPACE = 'dashboardAppsSettings';

export const en = {
  title: 'Dashboard Apps',
  backToIntegrations: 'Integrations',
  urlWarning: {
    unreachable:
      '“{{name}}” was saved, but the server cannot reach {{host}}: agents will see an error instead of the app until it answers.',
    refused:
      '“{{name}}” was saved, but {{host}} refuses to be shown in a frame of {{dashboard}} ({{header}}: {{value}}). Allow this dashboard in the app’s Content-Security-Policy frame-ancestors and drop X-Frame-Options, or agents can only open it in a new tab.',
    dismiss: 'Dismiss',
  },
  description:
    'Dashboard apps show your own web apps beside each conversation. Each app receives the conversation and the contact as context.',
  add: 'Add a new dashboard app',
  loading: 'Loading dashboard apps…',
  table: {
    caption: 'Dashboard apps of this account',
    name: 'Name',
    endpoint: 'Endpoint',
    actions: 'Actions',
    signed: 'Signed',
    signedHint: 'This app has a signing secret and receives a signed context token.',
    moreFrames: '+{{count}}',
    moreFramesLabel: 'Other frames: {{count}}',
    punycodeHint: 'The address as browsers send it: check it is the site you expect',
    grants: 'May do',
    grantsOf: 'What {{name}} may do',
    grantsNone: 'Only shows information',
    appearsIn: 'Appears in',
    who: 'Who sees it',
    shown: 'Shown',
  },
  empty: {
    title: 'No dashboard apps yet',
    body: 'Add your first app to show it beside every conversation.',
  },
  actions: {
    edit: 'Edit',
    editApp: 'Edit {{name}}',
    delete: 'Delete',
    generateSecret: 'Generate secret',
    rotateSecret: 'Rotate secret',
    moreOf: 'More actions for {{name}}',
  },
  form: {
    addTitle: 'Add a new dashboard app',
    editTitle: 'Edit dashboard app',
    intro: 'Enter the name of your app and its URL, then choose where it appears and for whom.',
    about: 'About the app',
    name: 'Name',
    namePlaceholder: 'e.g. Order history',
    nameAr: 'Name in Arabic (optional)',
    nameArHint: 'Shown to agents who use the dashboard in Arabic; the name above otherwise.',
    descriptionLabel: 'Description (optional)',
    descriptionHint: 'What the app is for, in a sentence or two.',
    descriptionTooLong: 'The description must be at most {{max}} characters.',
    iconUrl: 'Icon URL (optional)',
    iconHint: 'An https:// image shown beside the name.',
    iconHttps: 'Enter the full https:// address of an image.',
    endpoint: 'Endpoint',
    endpointPlaceholder: 'https://apps.example.com/orders',
    endpointHint:
      'The https:// address of your app (http:// only for local development). It must not be the address of this dashboard. It may hold placeholders such as {{example}}.',
    grants: 'What this app may do',
    grantsHint:
      'An app can only do what you check here, and never more than the agent using it may do. Changes apply the next time the app connects.',
    sendAnyway: 'Agents may send anyway when this app objects to a reply',
    sendAnywayHint:
      'Apps that check replies before they are sent can hold one back with a reason. Uncheck to make the agent change the draft first.',
    permissions: 'Iframe permissions',
    optional: 'optional',
    permissionsHint: 'Grant only what your app needs; the browser may still ask the agent.',
    create: 'Create',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    close: 'Close',
    titleRequired: 'Enter a name for the app.',
    titleTooLong: 'The name must be at most {{max}} characters.',
    fixErrors: 'Check the highlighted fields.',
    failed: 'The app could not be saved. Try again.',
  },
  url: {
    empty: 'Enter the URL of your app.',
    too_long: 'The URL must be at most 2,048 characters.',
    invalid_characters: 'The URL must not contain spaces, backslashes or control characters.',
    not_absolute: 'Enter a full URL that starts with https://',
    unsupported_scheme:
      'Only https:// addresses can be embedded (http:// only for local development).',
    insecure_http:
      'http:// is allowed only for localhost and hosts your operator allows. Use https://',
    credentials: 'The URL must not contain a user name or password.',
    dashboard_origin: "The URL must not point to this dashboard's own address.",
    placeholder_in_origin:
      'Placeholders may only be in the path, query or fragment, never in the scheme, host or port.',
    malformed_placeholder: 'Write a placeholder with two braces on each side, like {{example}}.',
    unknown_placeholder:
      '{{name}} is not a placeholder the dashboard knows: choose one from the list below the field.',
  },
  permission: {
    'clipboard-write': 'Copy to the clipboard',
    'clipboard-read': 'Read the clipboard',
    camera: 'Camera',
    microphone: 'Microphone',
    geolocation: 'Location',
    fullscreen: 'Full screen',
    payment: 'Payments',
    'display-capture': 'Screen capture',
    autoplay: 'Autoplay media',
    'encrypted-media': 'Protected media',
    'picture-in-picture': 'Picture-in-picture',
    'screen-wake-lock': 'Keep the screen awake',
    'web-share': 'Share',
    'publickey-credentials-get': 'Passkeys and security keys',
    'storage-access': 'Its own cookies (storage access)',
  },
  delete: {
    title: 'Delete this dashboard app?',
    body: '“{{name}}” will disappear from every conversation. This cannot be undone.',
    confirm: 'Delete',
    deleting: 'Deleting…',
    failed: 'The app could not be deleted. Try again.',
  },
  secret: {
    title: 'Signing secret of {{name}}',
    warning: 'Copy this secret now. It will not be shown again.',
    label: 'Signing secret',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy. Select the secret and copy it by hand.',
    usage:
      'Store it on your app’s server only. Your server checks the context token with verifyContextToken(token, secret, {audience}).',
    done: 'Done',
    rotateTitle: 'Rotate the signing secret?',
    rotateBody:
      'The current secret of “{{name}}” stops working at once. Your app will refuse new context tokens until you install the new secret.',
    rotateConfirm: 'Rotate secret',
    working: 'Generating…',
    failed: 'The secret could not be generated. Try again.',
  },
  status: {
    created: '“{{name}}” was added.',
    updated: '“{{name}}” was saved.',
    deleted: '“{{name}}” was deleted.',
  },
  notAllowed: {
    title: 'You are not allowed to see this page',
    body: 'Only administrators can manage dashboard apps.',
  },
  ...placementEn,
  ...manifestEn,
};

export type Catalog = typeof en;

export const ar: Catalog = {
  title: 'تطبيقات لوحة المعلومات',
  backToIntegrations: 'عمليات التكامل',
  urlWarning: {
    unreachable:
      'حُفظ «{{name}}»، لكن الخادم لا يستطيع الوصول إلى {{host}}: سيرى الموظفون رسالة خطأ بدل التطبيق حتى يستجيب.',
    refused:
      'حُفظ «{{name}}»، لكن {{host}} يرفض أن يُعرض في إطار داخل {{dashboard}} ‏({{header}}: {{value}}). اسمح لهذه اللوحة في frame-ancestors ضمن Content-Security-Policy للتطبيق وأزل X-Frame-Options، وإلا فلن يستطيع الموظفون إلا فتحه في علامة تبويب جديدة.',
    dismiss: 'إغلاق',
  },
  description:
    'تعرض تطبيقات لوحة المعلومات تطبيقات الويب الخاصة بمؤسستك بجانب كل محادثة، ويتلقى كل تطبيق سياق المحادثة وجهة الاتصال.',
  add: 'إضافة تطبيق لوحة معلومات جديد',
  loading: 'جارٍ تحميل تطبيقات لوحة المعلومات…',
  table: {
    caption: 'تطبيقات لوحة المعلومات في هذا الحساب',
    name: 'الاسم',
    endpoint: 'نقطة النهاية',
    actions: 'الإجراءات',
    signed: 'موقَّع',
    signedHint: 'لهذا التطبيق سر توقيع، ويتلقى رمز سياق موقَّعًا.',
    moreFrames: '+{{count}}',
    moreFramesLabel: 'إطارات أخرى: {{count}}',
    punycodeHint: 'العنوان كما يرسله المتصفح: تأكّد أنه الموقع الذي تقصده',
    grants: 'ما يمكنه فعله',
    grantsOf: 'ما يمكن أن يفعله {{name}}',
    grantsNone: 'يعرض المعلومات فقط',
    appearsIn: 'يظهر في',
    who: 'من يراه',
    shown: 'الإظهار',
  },
  empty: {
    title: 'لا توجد تطبيقات لوحة معلومات بعد',
    body: 'أضف تطبيقك الأول ليظهر بجانب كل محادثة.',
  },
  actions: {
    edit: 'تعديل',
    editApp: 'تعديل {{name}}',
    delete: 'حذف',
    generateSecret: 'إنشاء سر',
    rotateSecret: 'تغيير السر',
    moreOf: 'إجراءات أخرى لـ {{name}}',
  },
  form: {
    addTitle: 'إضافة تطبيق لوحة معلومات جديد',
    editTitle: 'تعديل تطبيق لوحة المعلومات',
    intro: 'أضف اسم تطبيقك وعنوان \u2066URL\u2069 لتطبيقك، ثم اختر أين يظهر ولمن.',
    about: 'عن التطبيق',
    name: 'الاسم',
    namePlaceholder: 'مثلًا: سجل الطلبات',
    nameAr: 'الاسم بالعربية (اختياري)',
    nameArHint: 'يظهر للموظفين الذين يستخدمون لوحة المعلومات بالعربية، وإلا فالاسم أعلاه.',
    descriptionLabel: 'الوصف (اختياري)',
    descriptionHint: 'الغرض من التطبيق في جملة أو جملتين.',
    descriptionTooLong: 'يجب ألا يزيد الوصف على {{max}} حرفًا.',
    iconUrl: 'عنوان الأيقونة (اختياري)',
    iconHint: 'صورة بعنوان \u2066https://\u2069 تظهر بجانب الاسم.',
    iconHttps: 'أدخل عنوان \u2066https://\u2069 كاملًا لصورة.',
    endpoint: 'نقطة النهاية',
    endpointPlaceholder: 'https://apps.example.com/orders',
    endpointHint:
      'عنوان تطبيقك بصيغة \u2066https://\u2069 (ويُسمح بـ \u2066http://\u2069 للتطوير المحلي فقط). يجب ألا يكون عنوان لوحة المعلومات هذه. ويمكن أن يحتوي عناصر نائبة مثل {{example}}.',
    grants: 'ما يمكن لهذا التطبيق فعله',
    grantsHint:
      'لا يستطيع التطبيق فعل إلا ما تحدده هنا، ولا يتجاوز أبدًا صلاحيات الموظف الذي يستخدمه. تسري التغييرات عند اتصال التطبيق في المرة التالية.',
    sendAnyway: 'يمكن للموظفين الإرسال على أي حال عندما يعترض هذا التطبيق على رد',
    sendAnywayHint:
      'يمكن للتطبيقات التي تتحقق من الردود قبل إرسالها أن توقف ردًا مع ذكر السبب. ألغِ التحديد ليُلزَم الموظف بتعديل المسودة أولًا.',
    permissions: 'أذونات الإطار',
    optional: 'اختياري',
    permissionsHint: 'امنح تطبيقك ما يحتاجه فقط، وقد يطلب المتصفح موافقة الوكيل مع ذلك.',
    create: 'إنشاء',
    save: 'حفظ',
    saving: 'جارٍ الحفظ…',
    cancel: 'إلغاء',
    close: 'إغلاق',
    titleRequired: 'أدخل اسمًا للتطبيق.',
    titleTooLong: 'يجب ألا يزيد الاسم على {{max}} حرفًا.',
    fixErrors: 'راجع الحقول المميزة.',
    failed: 'تعذّر حفظ التطبيق. حاول مرة أخرى.',
  },
  url: {
    empty: 'أدخل عنوان \u2066URL\u2069 لتطبيقك.',
    too_long: 'يجب ألا يزيد عنوان \u2066URL\u2069 على 2048 حرفًا.',
    invalid_characters:
      'يجب ألا يحتوي عنوان \u2066URL\u2069 على مسافات أو شرطات مائلة عكسية أو محارف تحكم.',
    not_absolute: 'أدخل عنوان \u2066URL\u2069 كاملًا يبدأ بـ \u2066https://\u2069',
    unsupported_scheme:
      'يمكن تضمين عناوين \u2066https://\u2069 فقط (ويُسمح بـ \u2066http://\u2069 للتطوير المحلي فقط).',
    insecure_http:
      'يُسمح بـ \u2066http://\u2069 فقط لـ \u2066localhost\u2069 وللمضيفين الذين يسمح بهم المشغّل. استخدم \u2066https://\u2069',
    credentials: 'يجب ألا يحتوي عنوان \u2066URL\u2069 على اسم مستخدم أو كلمة مرور.',
    dashboard_origin: 'يجب ألا يشير عنوان \u2066URL\u2069 إلى عنوان لوحة المعلومات هذه نفسها.',
    placeholder_in_origin:
      'لا توضع العناصر النائبة إلا في المسار أو الاستعلام أو الجزء، وليس في البروتوكول أو المضيف أو المنفذ أبدًا.',
    malformed_placeholder: 'اكتب العنصر النائب بقوسين معقوفين على كل جانب، مثل {{example}}.',
    unknown_placeholder:
      '{{name}} ليس عنصرًا نائبًا تعرفه لوحة المعلومات: اختر واحدًا من القائمة أسفل الحقل.',
  },
  permission: {
    'clipboard-write': 'النسخ إلى الحافظة',
    'clipboard-read': 'قراءة الحافظة',
    camera: 'الكاميرا',
    microphone: 'الميكروفون',
    geolocation: 'الموقع الجغرافي',
    fullscreen: 'ملء الشاشة',
    payment: 'المدفوعات',
    'display-capture': 'التقاط الشاشة',
    autoplay: 'التشغيل التلقائي للوسائط',
    'encrypted-media': 'الوسائط المحمية',
    'picture-in-picture': 'صورة داخل صورة',
    'screen-wake-lock': 'إبقاء الشاشة مضاءة',
    'web-share': 'المشاركة',
    'publickey-credentials-get': 'مفاتيح المرور ومفاتيح الأمان',
    'storage-access': 'ملفات تعريف الارتباط الخاصة به (الوصول إلى التخزين)',
  },
  delete: {
    title: 'حذف تطبيق لوحة المعلومات هذا؟',
    body: 'سيختفي «{{name}}» من كل المحادثات. لا يمكن التراجع عن ذلك.',
    confirm: 'حذف',
    deleting: 'جارٍ الحذف…',
    failed: 'تعذّر حذف التطبيق. حاول مرة أخرى.',
  },
  secret: {
    title: 'سر التوقيع لـ {{name}}',
    warning: 'انسخ هذا السر الآن، فلن يُعرض مرة أخرى.',
    label: 'سر التوقيع',
    copy: 'نسخ',
    copied: 'نُسخ إلى الحافظة.',
    copyFailed: 'تعذّر النسخ. حدّد السر وانسخه يدويًا.',
    usage:
      'احفظه على خادم تطبيقك فقط. يتحقق خادمك من رمز السياق باستخدام \u2066verifyContextToken(token, secret, {audience})\u2069.',
    done: 'تم',
    rotateTitle: 'تغيير سر التوقيع؟',
    rotateBody:
      'سيتوقف السر الحالي لـ «{{name}}» عن العمل فورًا، وسيرفض تطبيقك رموز السياق الجديدة حتى تثبّت السر الجديد.',
    rotateConfirm: 'تغيير السر',
    working: 'جارٍ الإنشاء…',
    failed: 'تعذّر إنشاء السر. حاول مرة أخرى.',
  },
  status: {
    created: 'أُضيف «{{name}}».',
    updated: 'حُفظ «{{name}}».',
    deleted: 'حُذف «{{name}}».',
  },
  notAllowed: {
    title: 'غير مسموح لك بعرض هذه الصفحة',
    body: 'يدير المسؤولون فقط تطبيقات لوحة المعلومات.',
  },
  ...placementAr,
  ...manifestAr,
};
