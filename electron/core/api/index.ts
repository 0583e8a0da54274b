export { createDispatcher, bridgeFailure } from './dispatch';
