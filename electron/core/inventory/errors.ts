/**
 * A reader failure whose message is already a French sentence for a person (never a stack trace). The import
 * entry point turns it into an ImportProblem; any other error becomes a generic message.
 */
export class InventoryReadError extends Error {
  override readonly name = 'InventoryReadError';
}
