/**
 * Issue 9: hostile workbooks are refused with a French sentence, in a child process with 512 MB of heap, before
 * the memory they ask for is allocated. Sizes are small enough for a test; `npm run bench -- hostile` runs the
 * full-size ones (a 1 GiB bomb, a 400 MiB shared string, a 27 MB workbook).
 */
import { describe, expect, it } from 'vitest';
import {
  bigInlineWorkbook,
  bombWorkbook,
  inlineRow,
  inventoryWorkbook,
  sharedStringWorkbook,
} from '../../../bench/hostile-files';
import { importInChild } from './hostile-run';

const MIB = 1024 * 1024;

describe('hostile XLSX files', { timeout: 60_000 }, () => {
  it('refuses a row numbered 2,000,000,000 (beyond Excel) without allocating a grid', async () => {
    const out = importInChild(await inventoryWorkbook(inlineRow(2_000_000_000, ['x'])), 'ligne.xlsx');
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/ligne numérotée 2\u202f000\u202f000\u202f000, au-delà des 1\u202f048\u202f576 lignes/);
  });

  it('refuses a row numbered 50,000,000', async () => {
    const out = importInChild(await inventoryWorkbook(inlineRow(50_000_000, ['x'])), 'ligne.xlsx');
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/au-delà des 1\u202f048\u202f576 lignes/);
  });

  it('imports a lone cell in column XFD, and refuses one on every row by the cell budget', async () => {
    const one = importInChild(await inventoryWorkbook(inlineRow(3, ['x'], 16_384)), 'xfd.xlsx');
    expect(one.ok).toBe(true);
    const rows = Array.from({ length: 2_000 }, (_, i) => inlineRow(i + 3, ['x'], 16_384)).join('');
    const every = importInChild(await inventoryWorkbook(rows), 'xfd.xlsx');
    expect(every.ok).toBe(false);
    expect(every.message).toMatch(/plus de 2\u202f000\u202f000 cellules/);
  });

  it('refuses a shared string longer than 32,767 characters (Excel’s limit)', async () => {
    const out = importInChild(await sharedStringWorkbook(40_000), 'chaine.xlsx');
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/texte de plus de 32\u202f767 caractères/);
  });

  it('refuses a shared string of 8 MiB while inflating, before exceljs holds it', async () => {
    const out = importInChild(await sharedStringWorkbook(8 * MIB), 'chaine.xlsx');
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/se décompresse plus de 100 fois|texte de plus de 32\u202f767/);
  });

  it('refuses a zip bomb by its ratio, from the central directory', async () => {
    const out = importInChild(await bombWorkbook(64 * MIB), 'bombe.xlsx');
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/se décompresse plus de 100 fois/);
  });

  it('refuses a zip that lies about its sizes, by counting the inflated bytes', async () => {
    const out = importInChild(await bombWorkbook(64 * MIB, true), 'bombe.xlsx');
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/plus grand que ce que le fichier annonce|texte de plus de 32\u202f767/);
  });

  it('reads a workbook without shared strings with no temporary file, and refuses one past the row limit', async () => {
    const small = importInChild(await bigInlineWorkbook(2_000), 'gros.xlsx');
    expect(small.message).not.toMatch(/temporary files left/);
    expect(small.ok).toBe(true);
    const big = importInChild(await bigInlineWorkbook(60_000), 'gros.xlsx');
    expect(big.ok).toBe(false);
    expect(big.message).toMatch(/plus de 50\u202f000 lignes/);
  });
});
