// Types for the parts of lts-node.mjs the tests use (test/unit/platform).
export const root: string;
export const LTS_MAJOR: number;
export const MIN_NODE: [number, number];
export const RUN_NPM_CI_FIRST: string;
export function isSupported(version?: string): boolean;
export function dependenciesInstalled(): boolean;
