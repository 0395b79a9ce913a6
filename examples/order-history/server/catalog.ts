/** What the demo shop sells. Prices in halalas (1 SAR = 100 halalas), VAT included. */
export interface Product {
  sku: string;
  name_en: string;
  name_ar: string;
  price_halalas: number;
}

export const CATALOG: readonly Product[] = [
  {
    sku: 'COF-500',
    name_en: 'Arabic coffee, 500 g',
    name_ar: 'قهوة عربية 500 غ',
    price_halalas: 4500,
  },
  {
    sku: 'DAT-1KG',
    name_en: 'Sukkari dates, 1 kg box',
    name_ar: 'تمر سكري، علبة 1 كغ',
    price_halalas: 6500,
  },
  { sku: 'OUD-50', name_en: 'Oud perfume, 50 ml', name_ar: 'عطر عود 50 مل', price_halalas: 32000 },
  { sku: 'RUG-PRY', name_en: 'Prayer rug', name_ar: 'سجادة صلاة', price_halalas: 12000 },
  { sku: 'EAR-BT', name_en: 'Wireless earbuds', name_ar: 'سماعات لاسلكية', price_halalas: 24900 },
  { sku: 'CAS-PH', name_en: 'Phone case', name_ar: 'غطاء جوال', price_halalas: 5900 },
  {
    sku: 'CHG-30W',
    name_en: 'USB-C charger, 30 W',
    name_ar: 'شاحن USB-C بقوة 30 واط',
    price_halalas: 8900,
  },
  { sku: 'THB-WHT', name_en: 'White cotton thobe', name_ar: 'ثوب قطني أبيض', price_halalas: 18000 },
  { sku: 'SHM-RED', name_en: 'Red shemagh', name_ar: 'شماغ أحمر', price_halalas: 15000 },
  { sku: 'ABY-BLK', name_en: 'Black abaya', name_ar: 'عباية سوداء', price_halalas: 35000 },
  {
    sku: 'DAL-BRS',
    name_en: 'Brass dallah coffee pot',
    name_ar: 'دلة قهوة نحاسية',
    price_halalas: 9500,
  },
  { sku: 'SAF-5G', name_en: 'Saffron, 5 g', name_ar: 'زعفران 5 غ', price_halalas: 7500 },
  { sku: 'WAT-SMT', name_en: 'Smartwatch', name_ar: 'ساعة ذكية', price_halalas: 79900 },
  { sku: 'BAG-KID', name_en: "Kids' backpack", name_ar: 'حقيبة ظهر للأطفال', price_halalas: 11000 },
  { sku: 'BKH-100', name_en: 'Bakhoor incense, 100 g', name_ar: 'بخور 100 غ', price_halalas: 8500 },
];
