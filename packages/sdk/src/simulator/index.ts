/** The local stand-in dashboard (`bevatel-dashboard-app dev <appUrl>`), for apps and tests. */
export { startSimulator, DEFAULT_SIMULATOR_PORT, DEFAULT_SIMULATOR_SECRET } from './server';
export type { RunningSimulator, SimulatorOptions } from './server';
export {
  createSampleContext,
  SAMPLE_CONVERSATION_KEYS,
  SAMPLE_CONVERSATION_LABELS,
} from './sample-context';
export type { SampleContextOptions, SampleConversationKey } from './sample-context';
export { analyzeFrameHeaders } from './frame-check';
