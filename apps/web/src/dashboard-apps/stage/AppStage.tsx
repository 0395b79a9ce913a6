import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
  type RefObject,
} from 'react';
import { AppFrame } from '../AppFrame';
import { conversationKey } from '../context/payload';
import { useAppContextPayload } from '../context/useAppContextPayload';
import { StageStore, type LoadStatus, type StageFrame } from './stage-store';
import '../dashboard-apps.css';

const StageContext = createContext<StageStore | null>(null);

export function useStage(): StageStore {
  const stage = useContext(StageContext);
  if (!stage) throw new Error('useStage outside AppStage');
  return stage;
}

/**
 * Holds the app frames of the conversations screen (see stage-store.ts): its children are the
 * screen, the layer after them holds the iframes, each placed over its slot.
 */
export function AppStage({ children }: { children: ReactNode }) {
  const [stage] = useState(() => new StageStore());
  const layer = useRef<HTMLDivElement>(null);
  const frames = useSyncExternalStore(stage.subscribe, stage.list, stage.list);
  return (
    <StageContext.Provider value={stage}>
      {children}
      <div ref={layer} className="dapp-stage" aria-hidden={frames.length === 0 || undefined}>
        {frames.map((frame) => (
          <StagedFrame
            key={`${frame.id}#${frame.generation}#${frame.attempt}`}
            frame={frame}
            stage={stage}
            layer={layer}
          />
        ))}
      </div>
    </StageContext.Provider>
  );
}

interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
  /** How much of the frame its scrolling ancestors hide (a slot in a scrolled column). */
  clip: string | null;
}

/**
 * The part of `slot` its scrolling ancestors show, as CSS `inset()` of the slot's own box; null
 * when all of it is shown. A frame drawn by the stage is not inside those ancestors, so it is
 * clipped to match (the sidebar column and the phone sheet scroll).
 */
function clipOf(slot: HTMLElement, rect: DOMRect, layer: HTMLElement): string | null {
  let top = rect.top;
  let left = rect.left;
  let bottom = rect.bottom;
  let right = rect.right;
  for (
    let node = slot.parentElement;
    node && node !== layer.parentElement;
    node = node.parentElement
  ) {
    const style = getComputedStyle(node);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const outer = node.getBoundingClientRect();
    top = Math.max(top, outer.top);
    left = Math.max(left, outer.left);
    bottom = Math.min(bottom, outer.bottom);
    right = Math.min(right, outer.right);
  }
  const inset = [top - rect.top, rect.right - right, rect.bottom - bottom, left - rect.left];
  if (inset.every((value) => value <= 0.5)) return null;
  return `inset(${inset.map((value) => `${Math.max(0, Math.round(value))}px`).join(' ')})`;
}

/** Where `slot` is inside `layer`, kept current as either resizes or the window does. */
function useSlotBox(slot: HTMLElement | null, layer: RefObject<HTMLDivElement | null>): Box | null {
  const [measured, setMeasured] = useState<{ slot: HTMLElement; box: Box } | null>(null);
  useLayoutEffect(() => {
    const container = layer.current;
    if (!slot || !container) return;
    const measure = () => {
      const a = slot.getBoundingClientRect();
      const b = container.getBoundingClientRect();
      const box = {
        top: a.top - b.top,
        left: a.left - b.left,
        width: a.width,
        height: a.height,
        clip: clipOf(slot, a, container),
      };
      setMeasured((previous) =>
        previous?.slot === slot &&
        previous.box.top === box.top &&
        previous.box.left === box.left &&
        previous.box.width === box.width &&
        previous.box.height === box.height &&
        previous.box.clip === box.clip
          ? previous
          : { slot, box },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(slot);
    observer.observe(container);
    window.addEventListener('resize', measure);
    // A slot in a scrolling column (the sidebar, the phone sheet) moves without resizing.
    document.addEventListener('scroll', measure, { capture: true, passive: true });
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
      document.removeEventListener('scroll', measure, { capture: true });
    };
  }, [slot, layer]);
  return measured && measured.slot === slot ? measured.box : null;
}

function StagedFrame({
  frame,
  stage,
  layer,
}: {
  frame: StageFrame;
  stage: StageStore;
  layer: RefObject<HTMLDivElement | null>;
}) {
  const box = useSlotBox(frame.slot, layer);
  const context = useAppContextPayload(
    frame.accountId,
    frame.displayId,
    frame.app,
    undefined,
    frame.location,
  );
  const visible = frame.active && box !== null && box.width > 0 && box.height > 0;
  const id = frame.id;
  const onStatus = useCallback((status: LoadStatus) => stage.setStatus(id, status), [stage, id]);
  const onHandlesSwitches = useCallback(
    (handles: boolean) => stage.setPersistent(id, handles),
    [stage, id],
  );
  return (
    <div
      className="dapp-stage-frame"
      hidden={!visible}
      style={{
        ...(box ? { top: box.top, left: box.left, width: box.width, height: box.height } : {}),
        ...(box?.clip ? { clipPath: box.clip } : {}),
        // While it loads (or failed to), its slot shows the state instead.
        visibility: frame.status === 'loaded' ? 'visible' : 'hidden',
      }}
    >
      <AppFrame
        app={frame.app}
        url={frame.url}
        conversationKey={conversationKey(frame.accountId, frame.displayId)}
        context={context}
        active={visible}
        location={frame.location}
        actions={frame.actions}
        attempt={frame.attempt}
        onStatus={onStatus}
        onHandlesSwitches={onHandlesSwitches}
      />
    </div>
  );
}
