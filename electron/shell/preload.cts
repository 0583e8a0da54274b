/**
 * The preload of every app window. Sandboxed (sandbox: true), so scripts/build.mjs bundles it to CommonJS and
 * it may only require 'electron'. The logic is in preload-api.ts (tested with fakes).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { exposeVigie } from './preload-api';

exposeVigie(contextBridge, ipcRenderer);
