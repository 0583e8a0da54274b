import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { foldText, sameName } from '../../../shared/text/fold';
import { currentWindow, serviceInfoFor, windowsFor } from '../../../shared/planning/timeline';
import { app, sampleInventory, serviceInfo } from './sample';

const zone = 'America/Toronto';
const local = (iso: string) => DateTime.fromISO(iso, { zone });
const range = { from: local('2026-11-25T00:00'), to: local('2027-01-31T00:00') };

describe('foldText / sameName', () => {
  it('ignores case, accents and extra whitespace', () => {
    expect(foldText('  Bloc   Opératoire ')).toBe('bloc operatoire');
    expect(sameName('Bloc opératoire', 'bloc operatoire')).toBe(true);
    expect(sameName('IUSMM', 'iusmm\u00a0')).toBe(true);
    expect(sameName('Laboratoire', 'Pharmacie')).toBe(false);
  });
});

describe('windowsFor', () => {
  it('groups the profile windows with their applications per service', () => {
    const windows = windowsFor(
      sampleInventory(),
      { site: 'IUSMM', services: ['Laboratoire', 'Nutrition'] },
      range,
      zone,
    );
    expect(windows.map((w) => w.start.toISO({ suppressMilliseconds: true }))).toEqual([
      '2026-12-02T02:00:00-05:00',
      '2026-12-16T02:00:00-05:00',
      '2027-01-06T02:00:00-05:00',
      '2027-01-20T02:00:00-05:00',
    ]);
    expect(windows[0]?.services).toEqual(['Laboratoire', 'Nutrition']);
    expect(windows[0]?.applications).toEqual([
      { service: 'Laboratoire', application: 'Cortex Omnitech' },
      { service: 'Laboratoire', application: 'GestLab' },
      { service: 'Laboratoire', application: 'Unity Real Time IUSMM' },
      { service: 'Nutrition', application: 'Nutritek' },
      { service: 'Nutrition', application: 'WinVision IUSMM' },
    ]);
    expect(windows[1]?.applications).toEqual([{ service: 'Laboratoire', application: 'Cobas IT' }]);
  });

  it('includes a window overlapping the start of the range, not one ending at it', () => {
    const profile = { site: 'IUSMM', services: ['Laboratoire'] };
    expect(
      windowsFor(sampleInventory(), profile, { from: local('2026-12-02T03:00'), to: local('2026-12-03') }, zone),
    ).toHaveLength(1);
    expect(
      windowsFor(sampleInventory(), profile, { from: local('2026-12-02T04:00'), to: local('2026-12-03') }, zone),
    ).toHaveLength(0);
  });
});

describe('windowsFor — sites', () => {
  it('an application with an empty site reaches every site, alongside the site’s own', () => {
    const inventory = sampleInventory({
      applications: [
        app('', 'Laboratoire', 'Réseau', '1er mercredi 2h-4h'),
        app('HMR', 'Laboratoire', 'LIS', '1er mercredi 2h-4h'),
      ],
    });
    const names = (site: string) =>
      windowsFor(inventory, { site, services: ['Laboratoire'] }, range, zone)[0]?.applications.map(
        (a) => a.application,
      );
    expect(names('IUSMM')).toEqual(['Réseau']);
    expect(names('hmr')).toEqual(['LIS', 'Réseau']);
    expect(names('')).toEqual(['Réseau']);
  });
});

describe('currentWindow', () => {
  const profile = { site: 'IUSMM', services: ['Laboratoire'] };

  it('is the window in progress (start inclusive, end exclusive)', () => {
    expect(currentWindow(sampleInventory(), profile, local('2026-12-02T01:59'), zone)).toBeNull();
    expect(currentWindow(sampleInventory(), profile, local('2026-12-02T02:00'), zone)?.applications).toHaveLength(3);
    expect(currentWindow(sampleInventory(), profile, local('2026-12-02T03:59'), zone)?.end.toISO()).toBe(
      '2026-12-02T04:00:00.000-05:00',
    );
    expect(currentWindow(sampleInventory(), profile, local('2026-12-02T04:00'), zone)).toBeNull();
  });
});

describe('serviceInfoFor', () => {
  it('prefers the row for the site over the row for any site, and is null when unknown', () => {
    const inventory = sampleInventory({
      services: [
        serviceInfo('Laboratoire', { twentyFourSeven: true }, ''),
        serviceInfo('Laboratoire', { twentyFourSeven: false, shiftStarts: ['08:00'] }, 'HMR'),
      ],
    });
    expect(serviceInfoFor(inventory, 'hmr', 'laboratoire')?.shiftStarts).toEqual(['08:00']);
    expect(serviceInfoFor(inventory, 'IUSMM', 'Laboratoire')?.twentyFourSeven).toBe(true);
    expect(serviceInfoFor(inventory, 'IUSMM', 'Pharmacie')).toBeNull();
  });
});
