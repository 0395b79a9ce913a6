/** The level-2 client's public types (the wire types come from the protocol package). */
import type {
  AnyAppContextData,
  AppEventName,
  AppEventPayloads,
  AppLocation,
  AppMethod,
  AppPermission,
  BeforeSendAnswer,
  ComposerInsertMode,
  ComposerTarget,
  ConversationPriority,
  ConversationStatus,
  JsonObject,
  MethodParams,
  MethodResult,
  NotifyKind,
  ReadyData,
} from '@bevatel/protocol';
import type { ConnectOptions } from '../connect';

export interface Level2ConnectOptions extends Omit<ConnectOptions, 'pages'> {
  protocol: 2;
  /** Events to receive; `on()` and `onBeforeSend()` add theirs later on their own. */
  subscribe?: AppEventName[];
  /** How long `connect()` waits for the dashboard's ready. Default 5000 ms. */
  timeoutMs?: number;
  /** Default timeout of each request. Default 10000 ms. */
  requestTimeoutMs?: number;
}

export interface RequestOptions {
  /** How long to wait for this answer. Default: `requestTimeoutMs`. */
  timeoutMs?: number;
}

/** What the agent is about to send, as `composer.beforeSend` gives it. */
export type Draft = AppEventPayloads['composer.beforeSend'];

/**
 * Answers whether the draft may go: `{allow: false, reason}` (or `false`) holds it back with
 * the reason shown beside the composer; anything else lets it go. Within 2 s, or the dashboard
 * sends anyway.
 */
export type BeforeSendHandler = (
  draft: Draft,
) => BeforeSendAnswer | boolean | void | Promise<BeforeSendAnswer | boolean | void>;

export type EventHandler<N extends AppEventName> = (payload: AppEventPayloads[N]) => void;

/** A connected level-2 app: typed calls, events, the composer check. */
export interface DashboardAppClient {
  /** What the dashboard said in its latest ready. */
  readonly ready: ReadyData;
  /** The latest context (from ready, appContext pushes and conversation.changed). */
  readonly context: AnyAppContextData;
  readonly location: AppLocation;
  /** Whether the administrator granted this permission. */
  can(permission: AppPermission): boolean;
  /** Any method by name, typed by it. */
  request<M extends AppMethod>(
    method: M,
    params?: MethodParams<M>,
    options?: RequestOptions,
  ): Promise<MethodResult<M>>;
  /** Fetches the context now (context.get). */
  getContext(options?: RequestOptions): Promise<AnyAppContextData>;
  /** A fresh signed context token (apps with a signing secret). */
  getToken(options?: RequestOptions): Promise<MethodResult<'token.get'>>;
  composer: {
    /** Puts text into the reply box (at the caret by default); never sends it. */
    insert(
      text: string,
      options?: { mode?: ComposerInsertMode; target?: ComposerTarget } & RequestOptions,
    ): Promise<MethodResult<'composer.insert'>>;
  };
  notes: {
    create(content: string, options?: RequestOptions): Promise<MethodResult<'note.create'>>;
  };
  labels: {
    add(labels: string | string[], options?: RequestOptions): Promise<MethodResult<'labels.add'>>;
    remove(
      labels: string | string[],
      options?: RequestOptions,
    ): Promise<MethodResult<'labels.remove'>>;
  };
  conversation: {
    setAttributes(
      attributes: JsonObject,
      options?: RequestOptions,
    ): Promise<MethodResult<'conversation.attributes.set'>>;
    setStatus(
      status: ConversationStatus,
      options?: { snoozedUntil?: number } & RequestOptions,
    ): Promise<MethodResult<'conversation.status.set'>>;
    setPriority(
      priority: ConversationPriority | null,
      options?: RequestOptions,
    ): Promise<MethodResult<'conversation.priority.set'>>;
    assign(
      to: MethodParams<'conversation.assign'>,
      options?: RequestOptions,
    ): Promise<MethodResult<'conversation.assign'>>;
  };
  contact: {
    setAttributes(
      attributes: JsonObject,
      options?: RequestOptions,
    ): Promise<MethodResult<'contact.attributes.set'>>;
  };
  ui: {
    notify(
      message: string,
      kind?: NotifyKind,
      options?: RequestOptions,
    ): Promise<MethodResult<'ui.notify'>>;
    resize(height: number, options?: RequestOptions): Promise<MethodResult<'ui.resize'>>;
    openUrl(url: string, options?: RequestOptions): Promise<MethodResult<'ui.openUrl'>>;
    openModal(
      modal: MethodParams<'ui.modal.open'>,
      options?: RequestOptions,
    ): Promise<MethodResult<'ui.modal.open'>>;
    closeModal(options?: RequestOptions): Promise<MethodResult<'ui.modal.close'>>;
  };
  /** Calls `handler` with each event of that name (subscribing to it if needed). */
  on<N extends Exclude<AppEventName, 'composer.beforeSend'>>(
    name: N,
    handler: EventHandler<N>,
  ): () => void;
  /** Calls `handler` with every context the dashboard sends. */
  onContext(handler: (context: AnyAppContextData) => void): () => void;
  /** Checks each reply or note before it is sent (subscribing to composer.beforeSend). */
  onBeforeSend(handler: BeforeSendHandler): () => void;
  /** Stops listening; pending requests reject. */
  disconnect(): void;
}
