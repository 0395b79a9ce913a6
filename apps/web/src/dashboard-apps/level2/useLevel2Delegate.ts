import { useLayoutEffect, useRef, type RefObject } from 'react';
import {
  insertIntoComposer,
  useApiClient,
  useAppCommands,
  useLocale,
  useTheme,
} from '../../modules/conversations/hooks';
import type { DelegateInputs } from './delegate';

export type { FrameActions } from './delegate';

/**
 * The latest inputs of one frame's level-2 delegate (see delegate.ts), kept in a ref that the
 * bridge registration reads when messages come; the delegate itself is made in that effect.
 */
export function useLevel2Inputs(
  inputs: Omit<DelegateInputs, 'locale' | 'theme' | 'api' | 'commands' | 'insertIntoComposer'>,
): RefObject<DelegateInputs> {
  const api = useApiClient();
  const commands = useAppCommands(inputs.app.id);
  const locale = useLocale();
  const theme = useTheme();
  const all: DelegateInputs = { ...inputs, api, commands, locale, theme, insertIntoComposer };
  const latest = useRef(all);
  useLayoutEffect(() => {
    latest.current = all;
  });
  return latest;
}
