export { VigieCore, toWindowView, STATUS_MONTHS, type VigieCoreDeps } from './core';
export { createDispatcher, bridgeFailure, methodOf, INVALID_INPUT, type Dispatcher } from './dispatch';
export { CoreError, bridgeError, readBridgeError } from './errors';
