export * from './types';
export { decideContact } from './decide';
