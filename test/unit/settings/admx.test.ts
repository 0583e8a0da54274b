/**
 * The ADMX/ADML templates come from the schema the readers use: every key is a policy with its strings and
 * presentation, nothing else is, and the XML is well-formed (parsed with saxes, namespaces on). The registry types
 * the templates write are the ones registry.ts reads.
 */
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { admx, adml, ADML_LANGUAGES, policyTemplateFiles } from '../../../electron/core/settings/admx';
import { POLICY_REGISTRY_PATH } from '../../../electron/core/settings/registry';
import { POLICY_KEYS, POLICY_SCHEMA } from '../../../electron/core/settings/schema';

interface El {
  name: string;
  attributes: Record<string, string>;
  text: string;
  parent: El | null;
}

/** Parses a document (throws on any well-formedness error) into a flat list of elements. */
function parse(text: string): El[] {
  const parser = new SaxesParser({ xmlns: true });
  const all: El[] = [];
  const stack: El[] = [];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attr] of Object.entries(tag.attributes))
      attributes[name] = typeof attr === 'string' ? attr : attr.value;
    const el: El = { name: tag.local ?? tag.name, attributes, text: '', parent: stack.at(-1) ?? null };
    all.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(text).close();
  return all;
}

const sorted = (values: Iterable<string>) => [...values].sort();

describe('ADMX', () => {
  const els = parse(admx());
  const policies = els.filter((e) => e.name === 'policy');

  it('is well-formed, in the Group Policy namespace, under the vendor key', () => {
    expect(els[0]?.name).toBe('policyDefinitions');
    expect(policies.every((p) => p.attributes.key === POLICY_REGISTRY_PATH)).toBe(true);
    expect(POLICY_REGISTRY_PATH).toBe('SOFTWARE\\Policies\\Vigie');
    expect(policies.every((p) => p.attributes.class === 'Machine')).toBe(true);
    expect(() => parse('<policyDefinitions><policy></policyDefinitions>')).toThrow(); // the check can fail
  });

  it('has exactly one policy per schema key, and nothing else', () => {
    expect(sorted(policies.map((p) => p.attributes.name ?? ''))).toEqual(sorted(POLICY_KEYS));
  });

  it('writes each key with the registry type its reader expects, under the key’s own value name', () => {
    for (const policy of policies) {
      const key = policy.attributes.name as keyof typeof POLICY_SCHEMA;
      const inner = els.filter((e) => {
        for (let p = e.parent; p; p = p.parent) if (p === policy) return true;
        return false;
      });
      const editors = inner.filter(
        (e) => ['decimal', 'text', 'multiText', 'enum', 'boolean'].includes(e.name) && e.attributes.valueName,
      );
      const kind = POLICY_SCHEMA[key].kind.type;
      if (kind === 'boolean') {
        expect(policy.attributes.valueName).toBe(key);
        expect(inner.some((e) => e.name === 'enabledValue')).toBe(true);
        expect(editors).toEqual([]);
      } else {
        const expected = { integer: 'decimal', text: 'text', json: 'text', list: 'multiText', enum: 'enum' }[kind];
        expect(editors.map((e) => [e.name, e.attributes.valueName])).toEqual([[expected, key]]);
        expect(policy.attributes.presentation).toBe(`$(presentation.${key})`);
      }
    }
  });
});

describe.each(ADML_LANGUAGES)('ADML %s', (language) => {
  const els = parse(adml(language));
  const strings = new Map(els.filter((e) => e.name === 'string').map((e) => [e.attributes.id ?? '', e.text]));
  const presentations = els.filter((e) => e.name === 'presentation').map((e) => e.attributes.id ?? '');
  const referenced = (text: string, kind: 'string' | 'presentation') =>
    new Set([...text.matchAll(new RegExp(`\\$\\(${kind}\\.([^)]+)\\)`, 'g'))].map((m) => m[1] ?? ''));

  it('defines every string and presentation the ADMX uses, and no other', () => {
    expect(sorted(strings.keys())).toEqual(sorted(referenced(admx(), 'string')));
    expect(sorted(presentations)).toEqual(sorted(referenced(admx(), 'presentation')));
  });

  it('names every schema key, with its help text in the right language', () => {
    const lang = language.startsWith('fr') ? 'fr' : 'en';
    for (const key of POLICY_KEYS) {
      expect(strings.get(key)).toBe(POLICY_SCHEMA[key].label[lang]);
      expect(strings.get(`${key}_Help`)).toContain(POLICY_SCHEMA[key].help[lang]);
    }
    expect(strings.get('allowQuit_Help')).toContain(lang === 'fr' ? 'ne déverrouille rien' : 'unlocks nothing');
  });
});

it('ships vigie.admx and one vigie.adml per language folder', () => {
  expect(Object.keys(policyTemplateFiles())).toEqual([
    'vigie.admx',
    'en-US/vigie.adml',
    'fr-FR/vigie.adml',
    'fr-CA/vigie.adml',
  ]);
});
