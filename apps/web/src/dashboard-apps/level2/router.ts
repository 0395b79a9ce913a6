/**
 * The one entry of every level-2 request: which method, whether the administrator granted its
 * permission, whether its params match the schema, whether the app still looks at the
 * conversation in view — in that order — and only then the method itself.
 */
import {
  METHOD_PARAMS,
  METHOD_PERMISSIONS,
  isAppMethod,
  validate,
  type AppMethod,
  type AppPermission,
  type MethodParams,
  type MethodResult,
  type RequestData,
  type ResponseData,
} from '@bevatel/protocol';
import { AppRequestError, toAppError } from './errors';

/** What a method knows about the call besides its params. */
export interface CallContext {
  /** `accountId/displayId` of the conversation the frame shows. */
  conversationKey: string;
}

export type MethodHandler<M extends AppMethod> = (
  params: MethodParams<M>,
  call: CallContext,
) => Promise<MethodResult<M>> | MethodResult<M>;

/** The methods a location offers; a missing one answers `not_available` there. */
export type MethodHandlers = { [M in AppMethod]?: MethodHandler<M> };

export interface RouterOptions {
  handlers: MethodHandlers;
  /** What the administrator granted the app, read at each request. */
  permissions(): ReadonlySet<AppPermission>;
}

export type RequestRouter = (
  request: RequestData,
  conversationKey: string,
) => Promise<ResponseData>;

const displayIdOf = (conversationKey: string): number => Number(conversationKey.split('/')[1]);

export function createRequestRouter({ handlers, permissions }: RouterOptions): RequestRouter {
  const run = async <M extends AppMethod>(
    method: M,
    request: RequestData,
    conversationKey: string,
  ) => {
    const permission = METHOD_PERMISSIONS[method];
    if (permission !== null && !permissions().has(permission)) {
      throw new AppRequestError(
        'permission_denied',
        `${method} needs the permission ${permission}, which the administrator has not granted this app`,
      );
    }
    const params = request.params ?? {};
    const problem = validate(METHOD_PARAMS[method], params);
    if (problem) throw new AppRequestError('invalid_params', `${method}: ${problem.message}`);
    if (
      request.conversation_id !== undefined &&
      request.conversation_id !== displayIdOf(conversationKey)
    ) {
      throw new AppRequestError(
        'conflict',
        `The agent now shows conversation ${displayIdOf(conversationKey)}, not ${request.conversation_id}`,
      );
    }
    const handler = handlers[method] as MethodHandler<M> | undefined;
    if (!handler) throw new AppRequestError('not_available', `${method} is not available here`);
    return handler(params as MethodParams<M>, { conversationKey });
  };

  return async (request, conversationKey) => {
    try {
      if (!isAppMethod(request.method)) {
        throw new AppRequestError(
          'unknown_method',
          `There is no method ${JSON.stringify(request.method)}`,
        );
      }
      const result = await run(request.method, request, conversationKey);
      return { id: request.id, result };
    } catch (error) {
      return { id: request.id, error: toAppError(error) };
    }
  };
}
