/** The largest inventory or side file a workstation reads from the share; `publish` checks the same limit. */
export const MAX_BYTES = 20 * 1024 * 1024;
