/**
 * Toast back-ends for the core's Notifier port (electron/core/agent-types.ts): node-notifier for the real thing,
 * the console for the headless agent, a recorder for tests and `cli simulate`.
 */
export { NodeNotifier, type NotifierBackend } from './node-notifier';
