/**
 * The banner window (issue 12): above everything, in the work area's bottom-right corner, never taking the keyboard
 * (shown inactive while unfocusable, never show()/focus()), secure like every window, shown again idempotently at
 * sign-in, unlock and wake, closed on null. Against a BrowserWindow look-alike that records what it is asked.
 */
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { BANNER_SIZE, BannerWindow, bannerBounds } from '../../electron/shell/banner-window';
import { FakeWindow, memoryLogger, sampleBanner } from './fakes';

const INDEX = '/opt/Vigie/resources/app.asar/dist/renderer/index.html';
const PRELOAD = '/opt/Vigie/resources/app.asar/dist/electron/preload.cjs';

const VIEW = sampleBanner();

function banner(area: { current: Rectangle } = { current: { x: 0, y: 0, width: 1366, height: 728 } }) {
  const log = memoryLogger();
  const manager = new BannerWindow({
    createWindow: (options: BrowserWindowConstructorOptions) => new FakeWindow(options as Record<string, unknown>),
    workArea: () => area.current,
    rendererIndexPath: INDEX,
    preloadPath: PRELOAD,
    log,
  });
  return { manager, log, area };
}

const only = (): FakeWindow => {
  expect(FakeWindow.created).toHaveLength(1);
  return FakeWindow.created[0] as FakeWindow;
};

const inside = (inner: Rectangle, outer: Rectangle): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

beforeEach(() => {
  FakeWindow.created = [];
});

describe('BannerWindow', () => {
  it('opens a small, secure, frameless, always-on-top window on the banner route, not shown until painted', () => {
    const { manager } = banner();
    manager.show(VIEW);
    const window = only();
    expect(window.options).toMatchObject({
      width: BANNER_SIZE.width,
      height: BANNER_SIZE.height,
      show: false,
      focusable: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      frame: false,
      resizable: false,
      webPreferences: {
        preload: PRELOAD,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        devTools: false,
      },
    });
    expect(window.loadFile).toHaveBeenCalledWith(INDEX, { hash: '/banner' });
    expect(window.shows).toEqual([]);
  });

  it('is shown inactive while unfocusable, above pop-up menus, and never shown or focused the ordinary way', () => {
    const { manager } = banner();
    manager.show(VIEW);
    const window = only();
    window.emit('ready-to-show');
    expect(window.shows).toEqual(['showInactive']);
    expect(window.focusableWhenShown).toEqual([false]);
    expect(window.focusCount).toBe(0);
    expect(window.alwaysOnTop).toEqual([{ flag: true, level: 'pop-up-menu' }]);
    // Once on screen a click may give it the keyboard (initials, Enter): see banner-window.ts.
    expect(window.focusable).toBe(true);
  });

  it('sits in the bottom-right corner of the work area (the taskbar excluded), wherever the taskbar is', () => {
    const { manager } = banner();
    manager.show(VIEW);
    const window = only();
    const area = { x: 0, y: 0, width: 1366, height: 728 };
    const placed = { x: Number(window.options.x), y: Number(window.options.y), ...BANNER_SIZE };
    expect(inside(placed, area)).toBe(true);
    expect(placed.x + placed.width).toBeGreaterThan(area.width - 40);
    expect(placed.y + placed.height).toBeGreaterThan(area.height - 40);
    // Taskbar on the left and at the top (work area offset), and a screen smaller than the banner.
    for (const offset of [
      { x: 62, y: 0, width: 1304, height: 768 },
      { x: 0, y: 48, width: 1920, height: 1032 },
      { x: -1366, y: 0, width: 1366, height: 728 },
      { x: 0, y: 0, width: 300, height: 150 },
    ]) {
      const bounds = bannerBounds(offset);
      expect(inside(bounds, offset), JSON.stringify(offset)).toBe(true);
      expect(bounds.x + bounds.width).toBeGreaterThan(offset.x + offset.width - 40);
      expect(bounds.y + bounds.height).toBeGreaterThan(offset.y + offset.height - 40);
    }
  });

  it('shown again (each tick, sign-in, unlock, wake): the same window, re-placed, on top again, not reloaded', () => {
    const { manager, area } = banner();
    manager.show(VIEW);
    const window = only();
    window.emit('ready-to-show');
    // A screen was plugged in meanwhile: the work area moved.
    area.current = { x: 0, y: 0, width: 1920, height: 1040 };
    manager.show(VIEW);
    expect(FakeWindow.created).toHaveLength(1);
    expect(window.alwaysOnTop).toEqual([
      { flag: true, level: 'pop-up-menu' },
      { flag: true, level: 'pop-up-menu' },
    ]);
    expect(window.bounds).toEqual(bannerBounds(area.current));
    // Still on screen: not shown again, so a nurse typing her initials keeps the keyboard.
    expect(window.shows).toEqual(['showInactive']);
    expect(window.focusable).toBe(true);
    expect(window.loadFile).toHaveBeenCalledTimes(1);
  });

  it('hidden ("Show desktop") or minimized meanwhile, it is shown again inactive, while unfocusable', () => {
    const { manager } = banner();
    manager.show(VIEW);
    const window = only();
    window.emit('ready-to-show');
    window.visible = false;
    manager.show(VIEW);
    window.minimized = true;
    manager.show(VIEW);
    expect(window.shows).toEqual(['showInactive', 'showInactive', 'showInactive']);
    expect(window.focusableWhenShown).toEqual([false, false, false]);
    expect(window.minimized).toBe(false);
    expect(window.focusCount).toBe(0);
  });

  it('reloads the page when the banner to show changed (it reads its view through the bridge)', () => {
    const { manager } = banner();
    manager.show(VIEW);
    const window = only();
    window.emit('ready-to-show');
    manager.show({ ...VIEW, applications: ['GestLab', 'Cortex Omnitech'] });
    expect(window.loadFile).toHaveBeenCalledTimes(2);
    expect(FakeWindow.created).toHaveLength(1);
  });

  it('comes back as a new window after the person closed it', () => {
    const { manager } = banner();
    manager.show(VIEW);
    only().close();
    expect(manager.isShown()).toBe(false);
    manager.show(VIEW);
    expect(FakeWindow.created).toHaveLength(2);
    expect(manager.isShown()).toBe(true);
  });

  it('a banner closed before it was painted does not get its successor shown before that one is painted', () => {
    const { manager } = banner();
    manager.show(VIEW);
    const first = FakeWindow.created[0] as FakeWindow;
    manager.hide();
    manager.show(VIEW);
    const second = FakeWindow.created[1] as FakeWindow;
    first.emit('ready-to-show');
    manager.show(VIEW);
    expect(second.shows).toEqual([]);
    second.emit('ready-to-show');
    expect(second.shows).toEqual(['showInactive']);
  });

  it('closes on hide (null from the core), and is then no event target; hide with nothing shown does nothing', () => {
    const { manager } = banner();
    manager.hide();
    expect(FakeWindow.created).toHaveLength(0);
    manager.show(VIEW);
    expect([...manager.eventTargets()]).toEqual([only().webContents]);
    manager.hide();
    expect(only().destroyed).toBe(true);
    expect(manager.isShown()).toBe(false);
    expect([...manager.eventTargets()]).toEqual([]);
  });

  it('logs, without throwing, a page that cannot load', async () => {
    const { manager, log } = banner();
    const created = FakeWindow.created.length;
    manager.show(VIEW);
    const window = FakeWindow.created[created] as FakeWindow;
    window.loadFile.mockRejectedValueOnce(new Error('ERR_FILE_NOT_FOUND'));
    manager.show({ ...VIEW, key: 'autre' });
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(log.entries.map((e) => e.message)).toContain('chargement du bandeau impossible');
  });
});
