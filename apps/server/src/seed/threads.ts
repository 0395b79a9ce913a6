/**
 * Conversation scripts for the demo. `in` is the customer, `out` an agent's reply, `note` a
 * private note. `{order}` becomes an order number and `{first}` the customer's first name.
 */
export type Line = ['in' | 'out' | 'note', string];

export interface DemoThread {
  language: 'ar' | 'en';
  labels: string[];
  priority: 'low' | 'medium' | 'high' | 'urgent' | null;
  lines: Line[];
}

export const DEMO_THREADS: DemoThread[] = [
  {
    language: 'en',
    labels: ['shipping'],
    priority: null,
    lines: [
      [
        'in',
        'Hi, my order {order} was supposed to arrive yesterday but tracking has not moved in three days.',
      ],
      ['out', 'Hi {first}, sorry about the wait! Let me check with the courier right away.'],
      [
        'note',
        'Courier portal shows the parcel held at the Dubai hub — customs paperwork missing.',
      ],
      [
        'out',
        'The parcel is held at the hub for a customs document. I have sent it over; it should move within 24 hours.',
      ],
      ['in', 'Thanks for the quick update!'],
    ],
  },
  {
    language: 'ar',
    labels: ['refund', 'billing'],
    priority: 'high',
    lines: [
      ['in', 'السلام عليكم، تم خصم المبلغ مرتين من بطاقتي للطلب {order}'],
      ['out', 'وعليكم السلام {first}، نعتذر عن الإزعاج. سأتحقق من عملية الدفع الآن.'],
      [
        'note',
        'تأكدت من بوابة الدفع: عمليتان ناجحتان بنفس المبلغ. تم رفع طلب استرجاع للعملية الثانية.',
      ],
      [
        'out',
        'تم تأكيد الخصم المكرر وأنشأنا طلب استرجاع. سيظهر المبلغ في حسابك خلال ٥ إلى ٧ أيام عمل.',
      ],
      ['in', 'شكراً جزيلاً على سرعة الرد'],
    ],
  },
  {
    language: 'en',
    labels: ['login', 'bug'],
    priority: 'urgent',
    lines: [
      [
        'in',
        'I cannot log in to my account. It keeps saying "invalid code" for the two-factor step.',
      ],
      [
        'out',
        'Sorry to hear that, {first}. Is the time on your phone set automatically? Authenticator codes depend on the clock.',
      ],
      ['in', 'Yes it is automatic. I also tried the SMS option and never received anything.'],
      ['note', 'SMS provider had an outage 09:00–11:30 UTC today. Escalated to Technical.'],
      [
        'out',
        'Our SMS provider had an outage this morning. It is fixed now — could you try again?',
      ],
    ],
  },
  {
    language: 'ar',
    labels: ['shipping'],
    priority: null,
    lines: [
      ['in', 'مرحباً، متى يصل طلبي {order}؟ أحتاجه قبل نهاية الأسبوع'],
      ['out', 'أهلاً {first}! طلبك خرج للتوصيل اليوم ومتوقع وصوله غداً بين ١٠ صباحاً و٢ ظهراً.'],
      ['in', 'ممتاز، هل يمكن للمندوب الاتصال قبل الوصول؟'],
      ['out', 'بالتأكيد، أضفنا ملاحظة للمندوب بالاتصال على رقمك قبل الوصول بنصف ساعة.'],
    ],
  },
  {
    language: 'en',
    labels: ['billing', 'vip'],
    priority: 'medium',
    lines: [
      [
        'in',
        'Can you send me the invoices for the last quarter? Our accountant needs them with our VAT number.',
      ],
      ['out', 'Of course, {first}. Which VAT number should appear on them?'],
      ['in', 'AE100234567800003 please.'],
      [
        'note',
        'Regenerated Q3 invoices with the VAT number — PDFs attached in the billing system.',
      ],
      ['out', 'Done! The three invoices are in your billing page and I have emailed them too.'],
    ],
  },
  {
    language: 'ar',
    labels: ['login'],
    priority: 'medium',
    lines: [
      ['in', 'نسيت كلمة المرور ورابط الاستعادة لا يصل إلى بريدي'],
      ['out', 'مرحباً {first}، هل يمكنك التحقق من مجلد الرسائل غير المرغوب فيها؟'],
      ['in', 'تحققت ولا يوجد شيء'],
      ['note', 'البريد مسجل بحرف زائد في النظام. تم تصحيحه بعد التحقق من رقم الجوال.'],
      [
        'out',
        'وجدنا خطأ في البريد المسجل وصححناه. أرسلنا رابط الاستعادة من جديد، يرجى المحاولة الآن.',
      ],
      ['in', 'وصل الرابط وتم الدخول، شكراً لكم 🌹'],
    ],
  },
  {
    language: 'en',
    labels: ['refund'],
    priority: 'low',
    lines: [
      ['in', 'I would like to return the jacket from order {order}. It is too small.'],
      [
        'out',
        'No problem, {first}! Returns are free within 30 days. I have emailed you a prepaid label.',
      ],
      ['in', 'Got it. Will the refund go back to my card?'],
      [
        'out',
        'Yes — as soon as the warehouse scans the parcel, the refund goes to the original card.',
      ],
    ],
  },
  {
    language: 'ar',
    labels: ['feedback'],
    priority: null,
    lines: [
      ['in', 'أحببت التطبيق الجديد! لكن أتمنى إضافة الوضع الليلي'],
      ['out', 'شكراً على كلامك الجميل {first}! سننقل اقتراح الوضع الليلي لفريق المنتج.'],
      ['note', 'اقتراح متكرر — أضفته إلى لوحة طلبات الميزات.'],
    ],
  },
  {
    language: 'en',
    labels: ['bug'],
    priority: 'high',
    lines: [
      ['in', 'The checkout page shows an error "payment session expired" every time I click Pay.'],
      ['out', 'Thanks for reporting, {first}. Which browser and device are you using?'],
      ['in', 'Safari on an iPhone 15, latest iOS.'],
      ['note', 'Reproduced on Safari 17 with private relay enabled. Bug filed: PAY-2291.'],
      [
        'out',
        'We reproduced it — it affects Safari with iCloud Private Relay. A fix is on the way; meanwhile Chrome works.',
      ],
    ],
  },
  {
    language: 'ar',
    labels: ['billing'],
    priority: 'medium',
    lines: [
      ['in', 'أريد ترقية اشتراكي إلى باقة الأعمال، كم التكلفة؟'],
      ['out', 'أهلاً {first}! باقة الأعمال ٢٤٩ ريال شهرياً، وتحصل على خصم ٢٠٪ عند الدفع السنوي.'],
      ['in', 'سأختار الدفع السنوي، كيف أكمل؟'],
      ['out', 'أرسلت لك رابط الدفع على بريدك. بعد الدفع تُفعّل الباقة مباشرة.'],
    ],
  },
  {
    language: 'en',
    labels: ['shipping', 'vip'],
    priority: 'high',
    lines: [
      [
        'in',
        'We need 40 units delivered to our Abu Dhabi warehouse by Thursday. Is express freight possible?',
      ],
      ['note', 'Enterprise customer — check stock in Jebel Ali before promising.'],
      [
        'out',
        'Hi {first}, we have 40 units in Jebel Ali. Express freight can deliver Wednesday afternoon.',
      ],
      ['in', 'Perfect, please go ahead and bill our account.'],
    ],
  },
  {
    language: 'ar',
    labels: ['refund'],
    priority: null,
    lines: [
      ['in', 'وصلني المنتج في الطلب {order} مكسور، أرفقت الصور في البريد'],
      ['out', 'نعتذر جداً {first}! اطلعنا على الصور وسنرسل بديلاً مجانياً خلال يومين.'],
      ['in', 'وماذا أفعل بالمنتج المكسور؟'],
      ['out', 'لا داعي لإرجاعه، يمكنك التخلص منه.'],
    ],
  },
  {
    language: 'en',
    labels: ['new-customer'],
    priority: null,
    lines: [
      ['in', 'Hello! Do you ship to Oman, and how long does it take?'],
      [
        'out',
        'Hi {first}, yes! Delivery to Muscat takes 3–5 business days and is free above 200 SAR.',
      ],
    ],
  },
  {
    language: 'ar',
    labels: ['bug', 'login'],
    priority: 'urgent',
    lines: [
      ['in', 'التطبيق يغلق فجأة عند فتح صفحة الطلبات'],
      ['out', 'مرحباً {first}، هل حدّثت التطبيق إلى آخر إصدار؟'],
      ['in', 'نعم، الإصدار 4.2.1 على أندرويد'],
      ['note', 'مشكلة معروفة في 4.2.1 على أندرويد 14 — الإصلاح في 4.2.2.'],
    ],
  },
  {
    language: 'en',
    labels: ['feedback'],
    priority: 'low',
    lines: [
      ['in', 'Just wanted to say your team was super helpful last week. Thank you!'],
      ['out', 'That is lovely to hear, {first}! I will pass it on to the whole team.'],
    ],
  },
  {
    language: 'ar',
    labels: ['shipping', 'urgent-followup'],
    priority: 'high',
    lines: [
      ['in', 'الطلب {order} مكتوب أنه تم التسليم لكني لم أستلم شيئاً!'],
      ['out', 'نعتذر {first}، سنتواصل مع شركة الشحن فوراً لمعرفة مكان التسليم.'],
      ['note', 'صورة إثبات التسليم تظهر باب عمارة مختلفة. فتحنا بلاغاً مع شركة الشحن.'],
      ['in', 'أي تحديث؟'],
    ],
  },
  {
    language: 'en',
    labels: ['billing', 'urgent-followup'],
    priority: 'medium',
    lines: [
      ['in', 'Our subscription renewed but the seats went back to 5 instead of 12.'],
      ['out', 'Sorry about that, {first}. I can see the renewal used the old plan. Fixing it now.'],
      ['in', 'Also, will we be charged twice?'],
    ],
  },
  {
    language: 'ar',
    labels: ['new-customer', 'vip'],
    priority: null,
    lines: [
      ['in', 'نحن شركة ونرغب في فتح حساب تجاري مع أسعار الجملة'],
      ['out', 'أهلاً بكم {first}! يسعدنا ذلك. كم عدد الطلبات الشهرية المتوقعة تقريباً؟'],
      ['in', 'حوالي ٣٠٠ طلب شهرياً'],
      ['note', 'فرصة كبيرة — تم إبلاغ فريق المبيعات.'],
      ['out', 'ممتاز، سيتواصل معك مدير حسابات الشركات خلال يوم عمل واحد.'],
    ],
  },
];
