/** The JSON of GET /api/orders, shared (as types only) by the backend and the front end. */
export type OrderStatus = 'processing' | 'shipped' | 'delivered' | 'cancelled' | 'returned';

export interface ApiOrderItem {
  sku: string;
  name_en: string;
  name_ar: string;
  quantity: number;
  unit_price_halalas: number;
}

export interface ApiOrder {
  number: string;
  /** Unix seconds. */
  placed_at: number;
  status: OrderStatus;
  items: ApiOrderItem[];
  /** In halalas: 100 halalas = 1 SAR. */
  total_halalas: number;
}

export interface OrdersResponse {
  account_id: number;
  contact_id: number;
  currency: 'SAR';
  orders: ApiOrder[];
}

/** Every error answer. */
export interface ApiErrorBody {
  error: string;
  message: string;
  statusCode: number;
}
