/**
 * Descriptions of the payload fields for the generated reference, in English and Arabic.
 * Keys: "Section.field" (section = type name or path) first, then the bare field name.
 */
export interface Description {
  en: string;
  ar: string;
}

export const DESCRIPTIONS: Record<string, Description> = {
  // Shared field names
  id: { en: 'Numeric id.', ar: 'المعرّف الرقمي.' },
  name: { en: 'Display name.', ar: 'الاسم المعروض.' },
  email: {
    en: 'Email address, or null when unknown.',
    ar: 'البريد الإلكتروني، أو null إن لم يكن معروفاً.',
  },
  phone_number: {
    en: 'Phone number in international format, or null.',
    ar: 'رقم الهاتف بالصيغة الدولية، أو null.',
  },
  identifier: {
    en: "Your own system's id for the contact (set through the API), or null.",
    ar: 'معرّف جهة الاتصال في نظامك أنت (يُضبط عبر الواجهة البرمجية)، أو null.',
  },
  thumbnail: {
    en: 'Avatar URL; empty string when there is none.',
    ar: 'رابط الصورة الرمزية؛ نص فارغ إن لم توجد.',
  },
  availability_status: {
    en: '"online", "busy" or "offline".',
    ar: 'حالة التوفر: "online" أو "busy" أو "offline".',
  },
  additional_attributes: {
    en: 'Standard attributes collected about the contact.',
    ar: 'سمات قياسية مجمّعة عن جهة الاتصال.',
  },
  custom_attributes: {
    en: 'Custom attributes defined by the account (key → value).',
    ar: 'السمات المخصّصة التي يعرّفها الحساب (مفتاح ← قيمة).',
  },
  last_activity_at: { en: 'Last activity, Unix seconds.', ar: 'وقت آخر نشاط، بثواني يونكس.' },
  created_at: { en: 'Creation time, Unix seconds.', ar: 'وقت الإنشاء، بثواني يونكس.' },
  account_id: { en: 'Account id.', ar: 'معرّف الحساب.' },
  inbox_id: { en: 'Inbox id.', ar: 'معرّف صندوق الوارد.' },

  // The message
  'AppContextEvent.event': { en: 'Always "appContext".', ar: 'دائماً "appContext".' },
  'AppContextEvent.data': { en: 'The context.', ar: 'السياق.' },

  // data
  'AppContextData.conversation': {
    en: 'The conversation open in the dashboard, with the messages it has loaded.',
    ar: 'المحادثة المفتوحة في لوحة التحكم، مع الرسائل التي حمّلتها.',
  },
  'AppContextData.contact': {
    en: 'The contact (customer) of the conversation. Never empty.',
    ar: 'جهة الاتصال (العميل) في المحادثة. لا تكون فارغة أبداً.',
  },
  'AppContextData.currentAgent': {
    en: 'The agent who is using the dashboard.',
    ar: 'الوكيل الذي يستخدم لوحة التحكم الآن.',
  },
  'AppContextData.locale': { en: 'Dashboard language.', ar: 'لغة لوحة التحكم.' },
  'AppContextData.dir': { en: 'Text direction of that language.', ar: 'اتجاه النص لتلك اللغة.' },
  'AppContextData.theme': { en: 'Dashboard theme.', ar: 'مظهر لوحة التحكم (فاتح أو داكن).' },
  'AppContextData.account': { en: 'The account (organisation).', ar: 'الحساب (المؤسسة).' },
  'AppContextData.token': {
    en: 'Signed context (HS256 JWT), only for apps that have a signing secret. Verify it on your backend; see "Token claims".',
    ar: 'السياق الموقّع (JWT بخوارزمية HS256)، فقط للتطبيقات التي لها سرّ توقيع. تحقّق منه في الخادم الخلفي؛ انظر «مطالبات الرمز».',
  },

  'AppContextData.customAttributeDefinitions': {
    en: "The account's custom attribute definitions (both models): show `custom_attributes` values by their display name and type.",
    ar: 'تعريفات السمات المخصّصة في الحساب (للنموذجين): اعرض قيم `custom_attributes` باسمها الظاهر ونوعها.',
  },

  // Custom attribute definitions
  'CustomAttributeDefinition.id': { en: 'Numeric id.', ar: 'المعرّف الرقمي.' },
  'CustomAttributeDefinition.attribute_display_name': {
    en: 'The name agents see.',
    ar: 'الاسم الذي يراه الوكلاء.',
  },
  'CustomAttributeDefinition.attribute_display_type': {
    en: 'How the value is typed and shown.',
    ar: 'نوع القيمة وطريقة عرضها.',
  },
  'CustomAttributeDefinition.attribute_description': {
    en: 'What the attribute is for, or null.',
    ar: 'الغرض من السمة، أو null.',
  },
  'CustomAttributeDefinition.attribute_key': {
    en: 'The key in `custom_attributes`.',
    ar: 'المفتاح في `custom_attributes`.',
  },
  'CustomAttributeDefinition.regex_pattern': {
    en: "Chatwoot's field; always null here.",
    ar: 'حقل من Chatwoot؛ قيمته null دائماً هنا.',
  },
  'CustomAttributeDefinition.attribute_values': {
    en: 'The choices of a `list`; empty for other types.',
    ar: 'خيارات النوع `list`؛ فارغة لبقية الأنواع.',
  },
  'CustomAttributeDefinition.attribute_model': {
    en: "Whose attribute: the contact's or the conversation's.",
    ar: 'لمن السمة: لجهة الاتصال أم للمحادثة.',
  },
  'CustomAttributeDefinition.default_value': {
    en: "Chatwoot's field; always null.",
    ar: 'حقل من Chatwoot؛ قيمته null دائماً.',
  },
  'CustomAttributeDefinition.created_at': { en: 'When it was created.', ar: 'وقت الإنشاء.' },
  'CustomAttributeDefinition.updated_at': { en: 'When it last changed.', ar: 'وقت آخر تغيير.' },

  // Conversation
  'AppContextConversation.id': {
    en: 'Display number of the conversation in the account, as in the dashboard URL.',
    ar: 'رقم المحادثة الظاهر في الحساب، كما في رابط لوحة التحكم.',
  },
  'AppContextConversation.uuid': { en: 'Globally unique id.', ar: 'معرّف فريد على مستوى النظام.' },
  'AppContextConversation.meta': {
    en: 'Sender, channel, assignee and team.',
    ar: 'المرسل والقناة والوكيل المسنَد والفريق.',
  },
  'AppContextConversation.messages': {
    en: 'Messages the dashboard has loaded, oldest first.',
    ar: 'الرسائل التي حمّلتها لوحة التحكم، الأقدم أولاً.',
  },
  'AppContextConversation.additional_attributes': {
    en: 'Browser and referrer of web-widget conversations (fields are null for other channels).',
    ar: 'المتصفح والصفحة المُحيلة لمحادثات أداة الموقع (الحقول null في القنوات الأخرى).',
  },
  'AppContextConversation.custom_attributes': {
    en: 'Custom attributes of the conversation.',
    ar: 'السمات المخصّصة للمحادثة.',
  },
  'AppContextConversation.labels': { en: 'Label titles.', ar: 'عناوين الوسوم.' },
  'AppContextConversation.status': { en: 'Conversation status.', ar: 'حالة المحادثة.' },
  'AppContextConversation.priority': { en: 'Priority, or null.', ar: 'الأولوية، أو null.' },
  'AppContextConversation.muted': {
    en: 'Whether the conversation is muted.',
    ar: 'هل المحادثة مكتومة.',
  },
  'AppContextConversation.can_reply': {
    en: 'Whether an agent can reply now (for example, inside the WhatsApp 24-hour window).',
    ar: 'هل يمكن الرد الآن (مثلاً داخل نافذة الـ ٢٤ ساعة في واتساب).',
  },
  'AppContextConversation.snoozed_until': {
    en: 'End of the snooze, Unix seconds, or null.',
    ar: 'نهاية التأجيل بثواني يونكس، أو null.',
  },
  'AppContextConversation.agent_last_seen_at': {
    en: 'When an agent last saw the conversation, Unix seconds (0: never).',
    ar: 'آخر مرة اطّلع فيها وكيل على المحادثة، بثواني يونكس (0: لم يحدث).',
  },
  'AppContextConversation.assignee_last_seen_at': {
    en: 'When the assignee last saw the conversation, Unix seconds (0: never).',
    ar: 'آخر مرة اطّلع فيها الوكيل المسنَد على المحادثة، بثواني يونكس (0: لم يحدث).',
  },
  'AppContextConversation.contact_last_seen_at': {
    en: 'When the contact last saw the conversation, Unix seconds (0: never).',
    ar: 'آخر مرة اطّلعت فيها جهة الاتصال على المحادثة، بثواني يونكس (0: لم يحدث).',
  },
  'AppContextConversation.timestamp': {
    en: 'Time of the last activity, Unix seconds.',
    ar: 'وقت آخر نشاط، بثواني يونكس.',
  },
  'AppContextConversation.unread_count': {
    en: 'Unread incoming messages.',
    ar: 'عدد الرسائل الواردة غير المقروءة.',
  },
  'AppContextConversation.waiting_since': {
    en: 'Since when the contact has been waiting for a reply, Unix seconds, or null.',
    ar: 'منذ متى تنتظر جهة الاتصال رداً، بثواني يونكس، أو null.',
  },
  'AppContextConversation.first_reply_created_at': {
    en: 'Time of the first agent reply, or null.',
    ar: 'وقت أول رد من وكيل، أو null.',
  },
  'AppContextConversation.last_non_activity_message': {
    en: 'The latest message that is not an activity, or null.',
    ar: 'آخر رسالة ليست رسالة نشاط، أو null.',
  },
  'AppContextConversation.allMessagesLoaded': {
    en: 'Whether `messages` holds the whole history.',
    ar: 'هل تحوي `messages` السجل كاملاً.',
  },
  'AppContextConversation.dataFetched': {
    en: 'Whether the messages were fetched at all.',
    ar: 'هل جُلبت الرسائل أصلاً.',
  },

  // meta
  'ConversationMeta.sender': { en: 'The contact.', ar: 'جهة الاتصال.' },
  'ConversationMeta.channel': { en: 'Channel type of the inbox.', ar: 'نوع قناة صندوق الوارد.' },
  'ConversationMeta.assignee': {
    en: 'The assigned agent, or null.',
    ar: 'الوكيل المسنَد، أو null.',
  },
  'ConversationMeta.team': { en: 'The assigned team, or null.', ar: 'الفريق المسنَد، أو null.' },
  'ConversationMeta.hmac_verified': {
    en: "Whether the web-widget user's identity was verified with HMAC.",
    ar: 'هل تحقّقت هوية مستخدم أداة الموقع عبر HMAC.',
  },

  // Agent
  'Agent.auto_offline': {
    en: 'Goes offline automatically when the agent leaves the dashboard.',
    ar: 'يصبح الوكيل غير متصل تلقائياً عند مغادرة لوحة التحكم.',
  },
  'Agent.confirmed': {
    en: 'Whether the agent confirmed their email.',
    ar: 'هل أكّد الوكيل بريده الإلكتروني.',
  },
  'Agent.available_name': { en: 'Name shown to customers.', ar: 'الاسم الذي يظهر للعملاء.' },
  'Agent.role': { en: 'Role in the account.', ar: 'الدور في الحساب.' },
  'Agent.thumbnail': { en: 'Avatar URL, or empty string.', ar: 'رابط الصورة الرمزية، أو نص فارغ.' },

  // Contact attributes
  'ContactAdditionalAttributes.description': { en: 'Free-text description.', ar: 'وصف حر.' },
  'ContactAdditionalAttributes.company_name': {
    en: 'Company, or null.',
    ar: 'اسم الشركة، أو null.',
  },
  'ContactAdditionalAttributes.social_profiles': {
    en: 'Social profile handles.',
    ar: 'حسابات التواصل الاجتماعي.',
  },
  'SocialProfiles.github': {
    en: 'GitHub handle, or null.',
    ar: 'اسم المستخدم في GitHub، أو null.',
  },
  'SocialProfiles.twitter': {
    en: 'Twitter/X handle, or null.',
    ar: 'اسم المستخدم في تويتر/X، أو null.',
  },
  'SocialProfiles.facebook': {
    en: 'Facebook handle, or null.',
    ar: 'اسم المستخدم في فيسبوك، أو null.',
  },
  'SocialProfiles.linkedin': {
    en: 'LinkedIn handle, or null.',
    ar: 'اسم المستخدم في لينكدإن، أو null.',
  },

  // Message
  'Message.content': {
    en: 'Text of the message, or null (attachment only).',
    ar: 'نص الرسالة، أو null (مرفق فقط).',
  },
  'Message.conversation_id': {
    en: 'Display number of the conversation.',
    ar: 'رقم المحادثة الظاهر.',
  },
  'Message.message_type': {
    en: '0 incoming (from the contact), 1 outgoing (from an agent), 2 activity (system note), 3 template.',
    ar: '0 واردة (من جهة الاتصال)، 1 صادرة (من وكيل)، 2 نشاط (ملاحظة من النظام)، 3 قالب.',
  },
  'Message.content_type': { en: 'Kind of content.', ar: 'نوع المحتوى.' },
  'Message.content_attributes': {
    en: 'Extra data of rich content types.',
    ar: 'بيانات إضافية لأنواع المحتوى الغنية.',
  },
  'Message.private': {
    en: 'true for a private note (never sent to the contact).',
    ar: 'true للملاحظة الخاصة (لا تُرسل إلى جهة الاتصال أبداً).',
  },
  'Message.status': { en: 'Delivery status.', ar: 'حالة التسليم.' },
  'Message.source_id': {
    en: 'Id of the message on its channel (for example a WhatsApp message id), or null.',
    ar: 'معرّف الرسالة في قناتها (مثل معرّف رسالة واتساب)، أو null.',
  },
  'Message.sender_type': {
    en: 'Kind of sender; null for activity messages.',
    ar: 'نوع المرسل؛ null لرسائل النشاط.',
  },
  'Message.sender_id': { en: 'Id of the sender, or null.', ar: 'معرّف المرسل، أو null.' },
  'Message.sender': {
    en: 'Who sent it; null for activity messages.',
    ar: 'من أرسلها؛ null لرسائل النشاط.',
  },
  'Message.account_id': { en: 'Account id.', ar: 'معرّف الحساب.' },
  'MessageSender.type': { en: 'Kind of sender.', ar: 'نوع المرسل.' },
  'MessageSender.available_name': {
    en: 'For agents: the name shown to customers.',
    ar: 'للوكلاء: الاسم الذي يظهر للعملاء.',
  },
  'MessageSender.additional_attributes': {
    en: 'Standard attributes (empty values for agents).',
    ar: 'السمات القياسية (قيم فارغة للوكلاء).',
  },

  // Web-widget attributes
  'ConversationAdditionalAttributes.browser': {
    en: "The web-widget visitor's browser.",
    ar: 'متصفح زائر أداة الموقع.',
  },
  'ConversationAdditionalAttributes.referer': {
    en: 'Page the conversation was started from, or null.',
    ar: 'الصفحة التي بدأت منها المحادثة، أو null.',
  },
  'ConversationAdditionalAttributes.initiated_at': {
    en: 'When the visitor started the conversation.',
    ar: 'متى بدأ الزائر المحادثة.',
  },
  'BrowserInfo.device_name': { en: 'Device, or null.', ar: 'الجهاز، أو null.' },
  'BrowserInfo.browser_name': { en: 'Browser, or null.', ar: 'المتصفح، أو null.' },
  'BrowserInfo.platform_name': { en: 'Operating system, or null.', ar: 'نظام التشغيل، أو null.' },
  'BrowserInfo.browser_version': { en: 'Browser version, or null.', ar: 'إصدار المتصفح، أو null.' },
  'BrowserInfo.platform_version': {
    en: 'Operating system version, or null.',
    ar: 'إصدار نظام التشغيل، أو null.',
  },
  'data.conversation.additional_attributes.initiated_at.timestamp': {
    en: "The visitor's browser date string, or null.",
    ar: 'نص التاريخ كما كتبه متصفح الزائر، أو null.',
  },

  // Current agent and account
  'CurrentAgent.id': { en: 'User id of the agent.', ar: 'معرّف المستخدم للوكيل.' },
  'CurrentAgent.name': { en: 'Name of the agent.', ar: 'اسم الوكيل.' },
  'CurrentAgent.email': { en: 'Email of the agent.', ar: 'البريد الإلكتروني للوكيل.' },
  'data.account.id': { en: 'Account id.', ar: 'معرّف الحساب.' },
  'data.account.name': { en: 'Account name.', ar: 'اسم الحساب.' },

  // Token claims
  'ContextTokenClaims.iss': {
    en: "The origin of the installation's PUBLIC_URL: the dashboard origin your app trusts.",
    ar: 'أصل (origin) العنوان PUBLIC_URL للمنصة المثبّتة: أصل لوحة التحكم الذي يثق به تطبيقك.',
  },
  'ContextTokenClaims.aud': {
    en: "Your app's origin. Check it (`audience`).",
    ar: 'أصل (origin) تطبيقك. تحقّق منه (`audience`).',
  },
  'ContextTokenClaims.sub': {
    en: "The agent's user id, as a string.",
    ar: 'معرّف المستخدم للوكيل، كنص.',
  },
  'ContextTokenClaims.app_id': { en: 'Id of the dashboard app.', ar: 'معرّف تطبيق لوحة التحكم.' },
  'ContextTokenClaims.conversation_id': {
    en: 'Display number of the conversation.',
    ar: 'رقم المحادثة الظاهر.',
  },
  'ContextTokenClaims.contact_id': { en: 'Contact id.', ar: 'معرّف جهة الاتصال.' },
  'ContextTokenClaims.role': { en: "The agent's role.", ar: 'دور الوكيل.' },
  'ContextTokenClaims.iat': { en: 'Issued at, Unix seconds.', ar: 'وقت الإصدار، بثواني يونكس.' },
  'ContextTokenClaims.exp': {
    en: 'Expiry, Unix seconds; at most 300 s after `iat`.',
    ar: 'وقت الانتهاء بثواني يونكس؛ بعد `iat` بـ 300 ثانية على الأكثر.',
  },
  'ContextTokenClaims.jti': {
    en: 'Unique token id: remember it to refuse replays.',
    ar: 'معرّف فريد للرمز: احفظه لرفض إعادة الاستخدام.',
  },
};
