// Types for the parts of build.mjs the TypeScript side uses (bench/bundle.ts).
import type { BuildOptions } from 'esbuild';

export const MAIN_EXTERNALS: string[];
export function nodeBundleOptions(options: {
  entryPoints: BuildOptions['entryPoints'];
  outdir: string;
  target?: string;
  external?: string[];
  outExtension?: Record<string, string>;
}): BuildOptions;
export function buildElectron(): Promise<void>;
export function buildRenderer(): void;
export const ADMIN_NODE_TARGET: string;
export const ADMIN_BUNDLE: string;
export function buildAdmin(): Promise<void>;
/** The Node-side entries of the app: the main process and the parse child it starts (utilityProcess). */
export const MAIN_ENTRIES: Record<string, string>;
/** Writes dist/policy (vigie.admx, <langue>/vigie.adml) from the policy schema; returns the folder. */
export function buildPolicyTemplates(): Promise<string>;
