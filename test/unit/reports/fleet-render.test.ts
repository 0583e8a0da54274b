import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { readResults, type ResultsRead } from '../../../electron/core/reports/fleet-read';
import { summarizeFleet, type FleetSummary } from '../../../electron/core/reports/fleet';
import { csvCell, renderFleetCsv } from '../../../electron/core/reports/fleet-csv';
import { digestReport } from '../../../electron/core/reports/fleet-digest';
import { esc, renderFleetHtml } from '../../../electron/core/reports/fleet-html';
import { inventory, resultsFolder } from './fleet-fixture';
import { sampleReport } from './helpers';

const ZONE = 'America/Toronto';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';

async function fleet(hostile = true): Promise<{ read: ResultsRead; summary: FleetSummary }> {
  const { dir } = resultsFolder();
  const read = await readResults(dir);
  if (hostile) addHostile(read);
  const summary = summarizeFleet(read, {
    now: at('2026-12-03T09:00'),
    from: at('2026-12-01'),
    to: at('2026-12-03'),
    inventory: await inventory(),
    folder: '\\\\serveur\\vigie\\rapports',
  });
  return { read, summary };
}

function addHostile(read: ResultsRead): void {
  // Report text is typed by people on thousands of PCs: some of it is hostile.
  read.reports.push(
    digestReport(
      '2026-12-02/hostile.json',
      sampleReport({
        workstation: `PC-"evil"&co`,
        initials: HOSTILE,
        services: ['Laboratoire'],
        items: [
          {
            application: `=HYPERLINK("http://evil.example","clic")`,
            service: 'Laboratoire',
            checks: [
              {
                id: 'starts',
                result: 'problem',
                comment: '+33 1 23; @SUM(A1)\nligne 2',
                restart: null,
                contactAdvised: { name: '-2+3', phone: '\t5656', url: 'https://octopus.example/f?a=1&b=<2>' },
              },
            ],
          },
          {
            application: HOSTILE,
            service: 'Laboratoire',
            checks: [{ id: 'transfers', result: 'problem', comment: '\rCR', restart: 'fixed', contactAdvised: null }],
          },
        ],
      }),
    ),
  );
}

describe('fleet CSV', () => {
  it('opens cleanly in French Excel: UTF-8 BOM, ";" separators, CRLF line ends', async () => {
    const { read, summary } = await fleet();
    const csv = renderFleetCsv(summary, read);
    expect(csv.startsWith('\uFEFFDébut de la plage;Fin de la plage;Site;Service;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Every line break outside a quoted cell is CRLF.
    const rows = parse(csv, {
      bom: true,
      delimiter: ';',
      record_delimiter: '\r\n',
      relax_column_count: false,
    });
    expect(rows.every((r) => r.length === 18)).toBe(true);
    expect(rows[0]?.slice(15)).toEqual(['Fichier', 'Rapport suspect', 'Prise de connaissance']);
    const nutrition = rows.find((r) => r[3] === 'Nutrition');
    expect(nutrition?.slice(0, 5)).toEqual([
      '2026-12-02 02:00',
      '2026-12-02 04:00',
      'IUSMM',
      'Nutrition',
      'Non vérifié',
    ]);
    expect(nutrition?.[9]).toBe('Nutritek, WinVision IUSMM');
    expect(nutrition?.[11]).toBe('Aucun rapport');
    const gest = rows.find((r) => r[5] === 'PC-LAB-1' && r[9] === 'GestLab');
    expect(gest?.slice(10, 15)).toEqual(['L’application démarre', 'Problème', 'Non réglé', 'Écran gris', 'CDA — 3050']);
  });

  it('neutralises cells Excel would run as a formula', async () => {
    const { read, summary } = await fleet();
    const rows = parse(renderFleetCsv(summary, read), { bom: true, delimiter: ';' });
    const hostile = rows.filter((r) => r[15] === '2026-12-02/hostile.json');
    expect(hostile.map((r) => r[9])).toEqual([`'=HYPERLINK("http://evil.example","clic")`, HOSTILE]);
    expect(hostile[0]?.[13]).toBe("'+33 1 23; @SUM(A1)\nligne 2");
    expect(hostile[0]?.[14]).toBe("'-2+3 — \t5656 — https://octopus.example/f?a=1&b=<2>");
    expect(hostile[1]?.[13]).toBe("'\rCR");
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it.each([
    ['=1+1', `'=1+1`],
    ['+1', `'+1`],
    ['-1', `'-1`],
    ['@A1', `'@A1`],
    ['\tx', `'\tx`],
    ['\rx', `"'\rx"`],
    ['a;b', '"a;b"'],
    ['dit "non"', '"dit ""non"""'],
    ['ligne\nsuite', '"ligne\nsuite"'],
    [' espace', "' espace"],
    ['espace ', '"espace "'],
    ['Laboratoire', 'Laboratoire'],
    ['', ''],
  ])('csvCell(%j) = %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('fleet HTML', () => {
  it('is one self-contained French file: inline CSS and SVG, no script, no external resource', async () => {
    const { summary } = await fleet(false);
    const html = renderFleetHtml(summary);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("default-src 'none'");
    expect(html).toMatch(/<style>[^<]+<\/style>/);
    expect(html).toContain('<svg role="img"');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).not.toMatch(/\bon[a-z]+\s*=/i);
    expect(html).toContain('Services sans vérification (1)');
    expect(html).toContain('Taux de vérification par service');
    expect(html).toContain('mercredi 2 décembre, 2 h – 4 h');
  });

  it('escapes every text from reports and the inventory', async () => {
    const { summary } = await fleet();
    const html = renderFleetHtml(summary);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('PC-&quot;evil&quot;&amp;co');
    expect(html).toContain('\\\\serveur\\vigie\\rapports');
  });

  it('draws one bar per service with its completion', async () => {
    const { summary } = await fleet();
    const html = renderFleetHtml(summary);
    const bars = html.match(/<g><title>[^<]*<\/title>/g) ?? [];
    expect(bars).toHaveLength(3);
    expect(html).toContain('IUSMM — Nutrition : 0 plage(s) vérifiée(s) sur 1');
    expect(html).toContain('>1/1 (100 %)</text>');
    expect(html).toContain('>0/1 (0 %)</text>');
  });

  it('says what it cannot know: no inventory, or no window over yet', async () => {
    const { dir } = resultsFolder();
    const read = await readResults(dir);
    const without = renderFleetHtml(summarizeFleet(read, { now: at('2026-12-03T09:00') }));
    expect(without).toContain('les services qui n’ont rien envoyé ne peuvent pas être listés');
    const early = renderFleetHtml(
      summarizeFleet(read, { now: at('2026-11-25T09:00'), from: at('2026-12-01'), inventory: await inventory() }),
    );
    expect(early).toContain('aucune plage de la période n’est encore terminée');
    expect(early).not.toContain('Tous les services attendus');
  });

  it('esc escapes the five HTML metacharacters', () => {
    expect(esc(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(esc(null)).toBe('');
  });
});
