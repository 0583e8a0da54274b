/**
 * Group Policy's side of the machine policy: `reg query HKLM\SOFTWARE\Policies\Vigie /s` output → a policy read
 * (docs/deployment.md, "Stratégie de groupe"). No native module: reg.exe ships with Windows. Pure (no node:*): the
 * runner is injected (sources.ts) and tests feed recorded outputs (test/fixtures/registry/).
 *
 * reg.exe writes to a pipe in the console's OEM code page (850 on French Windows: « é » is byte 0x82), or UTF-8
 * when the console code page is 65001: strict UTF-8 is tried first, then code page 850.
 */
import { checkValue, ReadBuilder, unknownKeyProblem, type KeyVerdict, type PolicySourceRead } from './policy';
import { POLICY_SCHEMA, policyKeyIgnoringCase, quoteValue, type PolicyKey } from './schema';

export const POLICY_REGISTRY_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Vigie';
/** As written in the ADMX (`key="…"`) and given to reg.exe. */
export const POLICY_REGISTRY_PATH = 'SOFTWARE\\Policies\\Vigie';

export interface RegistryValue {
  name: string;
  type: string;
  /** As printed by reg.exe: REG_DWORD "0x1", REG_MULTI_SZ items joined by a literal "\0". */
  data: string;
}

export interface RegistryKey {
  path: string;
  values: RegistryValue[];
}

// Code page 850, bytes 0x80–0xFF (Windows "OEM" code page of French and Canadian-French installations).
const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀' +
  'ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

export function decodeRegOutput(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    let text = '';
    for (const b of bytes) text += b < 0x80 ? String.fromCharCode(b) : CP850_HIGH.charAt(b - 0x80);
    return text;
  }
}

/** The default value's name is localised: "(Default)", "(par défaut)". */
const DEFAULT_VALUE = /^\((default|par défaut|standard|predeterminado|valore predefinito)\)$/i;
const VALUE_LINE = /^ {4}(.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

/** Splits reg.exe's text into keys and their values. Lines that are neither are ignored. */
export function parseRegQuery(text: string): RegistryKey[] {
  const keys: RegistryKey[] = [];
  let current: RegistryKey | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (/^HKEY_[A-Z_]+(\\|$)/.test(line)) {
      current = { path: line.trim(), values: [] };
      keys.push(current);
      continue;
    }
    const match = VALUE_LINE.exec(line);
    if (match && current) current.values.push({ name: match[1] ?? '', type: match[2] ?? '', data: match[3] ?? '' });
  }
  return keys;
}

function expectedType(key: PolicyKey): string {
  switch (POLICY_SCHEMA[key].kind.type) {
    case 'boolean':
      return 'un REG_DWORD 0 ou 1';
    case 'integer':
      return 'un REG_DWORD';
    case 'list':
      return 'un REG_MULTI_SZ (une valeur par ligne)';
    default:
      return 'un REG_SZ';
  }
}

function wrongType(key: PolicyKey, value: RegistryValue): KeyVerdict {
  return {
    state: 'invalid',
    message: `\`${key}\` doit être ${expectedType(key)}, pas ${value.type} ${quoteValue(value.data)}`,
  };
}

/** A registry value → the JSON value the key's schema validates, or a type problem. */
export function registryVerdict(key: PolicyKey, value: RegistryValue): KeyVerdict {
  const kind = POLICY_SCHEMA[key].kind;
  const text = value.type === 'REG_SZ' || value.type === 'REG_EXPAND_SZ';
  switch (kind.type) {
    case 'boolean': {
      if (value.type !== 'REG_DWORD') return wrongType(key, value);
      const n = Number.parseInt(value.data, 16);
      if (n !== 0 && n !== 1) return { state: 'invalid', message: `\`${key}\` doit être 0 ou 1, pas ${n}` };
      return checkValue(key, n === 1);
    }
    case 'integer':
      if (value.type !== 'REG_DWORD' && value.type !== 'REG_QWORD') return wrongType(key, value);
      return checkValue(key, Number.parseInt(value.data, 16));
    case 'list': {
      if (value.type !== 'REG_MULTI_SZ') return wrongType(key, value);
      // Empty lines (GPO's multi-line box keeps them) are not items.
      return checkValue(
        key,
        value.data.split('\\0').filter((item) => item.trim() !== ''),
      );
    }
    case 'json': {
      if (!text) return wrongType(key, value);
      try {
        return checkValue(key, JSON.parse(value.data) as unknown);
      } catch {
        return { state: 'invalid', message: `\`${key}\` doit être du texte JSON, pas ${quoteValue(value.data)}` };
      }
    }
    default:
      // An expandable string is read as written: %VAR% would depend on the user's environment.
      return text ? checkValue(key, value.data) : wrongType(key, value);
  }
}

/** reg.exe's output for the Vigie key (and its subkeys) → a policy read. */
export function readRegistryPolicy(keys: readonly RegistryKey[]): PolicySourceRead {
  const out = new ReadBuilder();
  const root = POLICY_REGISTRY_KEY.toLowerCase();
  for (const k of keys) {
    if (k.path.toLowerCase() !== root) {
      out.problem({ key: null, message: `sous-clé inconnue ${quoteValue(k.path)} : ignorée` });
      continue;
    }
    for (const value of k.values) {
      if (DEFAULT_VALUE.test(value.name)) continue; // the key's own unnamed value: not a setting
      const key = policyKeyIgnoringCase(value.name);
      if (!key) out.problem(unknownKeyProblem(value.name));
      else out.verdict(key, registryVerdict(key, value));
    }
  }
  return out.read();
}

/** Whether `reg query <parent>` lists the Vigie key among its subkeys. */
export function listsPolicyKey(parentOutput: string): boolean {
  return parseRegQuery(parentOutput).some((k) => k.path.toLowerCase() === POLICY_REGISTRY_KEY.toLowerCase());
}
