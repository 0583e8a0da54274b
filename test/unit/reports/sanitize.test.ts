import { describe, expect, it } from 'vitest';
import { MAX_SEGMENT_LENGTH, sanitizeSegment } from '../../../electron/core/reports/sanitize';
import { reportDayFolder, reportFileName, shortReportId } from '../../../electron/core/reports/names';
import { sampleReport } from './helpers';

const SAFE = /^_?[A-Za-z0-9-]+$/;

describe('sanitizeSegment', () => {
  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['..\\..\\Windows\\System32', 'Windows-System32'],
    ['C:\\Users\\Public', 'C-Users-Public'],
    ['\\\\serveur\\partage\\x', 'serveur-partage-x'],
    ['..', 'inconnu'],
    ['.', 'inconnu'],
    ['', 'inconnu'],
    ['   ', 'inconnu'],
    ['a\u0000b\u001fc\u007f', 'a-b-c'],
    ['name. . ', 'name'],
    ['rapport.json:secret', 'rapport-json-secret'],
    ['Hôpital Maisonneuve-Rosemont', 'Hopital-Maisonneuve-Rosemont'],
    ['Bloc opératoire / Chirurgie', 'Bloc-operatoire-Chirurgie'],
    ['file<>|?*"', 'file'],
    ['émoji 🚑 urgence', 'emoji-urgence'],
    ['a_b', 'a-b'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeSegment(input)).toBe(expected);
  });

  it.each(['CON', 'con', 'PRN', 'AUX', 'NUL', 'COM1', 'com9', 'LPT1', 'lpt3', 'CON.txt', 'nul.json', 'COM¹'])(
    'never yields the Windows device name %j',
    (input) => {
      const out = sanitizeSegment(input);
      expect(out).toMatch(SAFE);
      expect(/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(out)).toBe(false);
    },
  );

  it('caps the length without ending on a separator', () => {
    const out = sanitizeSegment(`${'a'.repeat(39)} ${'b'.repeat(100)}`);
    expect(out.length).toBeLessThanOrEqual(MAX_SEGMENT_LENGTH);
    expect(out).toBe('a'.repeat(39));
  });

  it('keeps every output to safe characters on random hostile input', () => {
    const alphabet = ['.', '/', '\\', ':', '\u0000', ' ', 'é', 'A', '1', '-', '_', '*', '?', '\u202e', '\ud83d\ude91'];
    for (let i = 0; i < 500; i++) {
      let s = '';
      for (let j = 0; j < 1 + (i % 30); j++) s += alphabet[(i * 7 + j * 13) % alphabet.length];
      const out = sanitizeSegment(s);
      expect(out).toMatch(SAFE);
      expect(out).not.toContain('..');
      expect(out.length).toBeLessThanOrEqual(MAX_SEGMENT_LENGTH + 1);
    }
  });
});

describe('report names', () => {
  it('dates the folder and file by the window start (local time)', () => {
    const report = sampleReport({ reportId: '3f2a9c1e-0000-4000-8000-000000000000' });
    expect(reportDayFolder(report)).toBe('2026-12-02');
    expect(reportFileName(report)).toBe('20261202-0200_IUSMM_HMR-LAB-0042_3f2a9c1e.json');
    expect(reportFileName(report, 'America/Toronto', 3)).toBe('20261202-0200_IUSMM_HMR-LAB-0042_3f2a9c1e-3.json');
  });

  it('uses the local date even when the instant is written in UTC', () => {
    const report = sampleReport({ window: { start: '2026-12-03T03:30:00Z', end: '2026-12-03T05:00:00Z' } });
    expect(reportDayFolder(report)).toBe('2026-12-02');
    expect(reportFileName(report)).toMatch(/^20261202-2230_/);
  });

  it('builds names from hostile site and workstation text without leaving the folder', () => {
    const report = sampleReport({ site: '../../../Windows', workstation: 'CON' });
    const name = reportFileName(report);
    expect(name).toMatch(/^20261202-0200_Windows__CON_[0-9a-f]{8}\.json$/);
    expect(name).not.toMatch(/[\\/]/);
  });

  it('short ids are 8 hex digits', () => {
    expect(shortReportId('ABCDEF12-3456-4789-8abc-def012345678')).toBe('abcdef12');
  });
});
