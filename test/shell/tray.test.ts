import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrayState } from '../../shared/ipc';
import { TOOLTIP_MAX, TrayController } from '../../electron/shell/tray';
import { fakeAgent, FakeTray, memoryLogger, sampleTray } from './fakes';

type Icon = { icon: TrayState };
type Menu = { template: MenuItemConstructorOptions[] };

function setUp() {
  const agent = fakeAgent();
  const actions = { openWindow: vi.fn(), openLink: vi.fn(), sync: vi.fn(), quit: vi.fn() };
  const log = memoryLogger();
  const controller = new TrayController<Icon, Menu>({
    agent,
    createTray: (icon) => new FakeTray(icon),
    iconFor: (state) => ({ icon: state }),
    buildMenu: (template) => ({ template }),
    actions,
    log,
  });
  controller.start();
  const tray = FakeTray.created[0] as FakeTray;
  const menu = () => (tray.menu as Menu).template;
  const click = (id: string) => {
    const item = menu().find((entry) => entry.id === id);
    (item?.click as (() => void) | undefined)?.();
  };
  return { agent, actions, log, controller, tray, menu, click };
}

beforeEach(() => {
  FakeTray.created = [];
});

describe('TrayController', () => {
  it("draws the core's model: icon of the state, tooltip, menu", () => {
    const { tray, menu } = setUp();
    expect(tray.image).toEqual({ icon: 'idle' });
    expect(tray.toolTip).toBe(sampleTray().tooltip);
    expect(menu().map((item) => item.id)).toEqual(sampleTray().menu.map((item) => item.id));
    expect(menu()[0]).toMatchObject({ label: 'Aucune plage en cours', enabled: false });
    expect(menu()[0]?.click).toBeUndefined();
    expect(menu()[1]).toEqual({ id: 'sep-1', type: 'separator' });
  });

  it('dispatches each menu action to the right handler', () => {
    const { actions, click } = setUp();
    click('checklist');
    click('status');
    click('settings');
    click('guide');
    click('sync');
    click('quit');
    expect(actions.openWindow.mock.calls).toEqual([['checklist'], ['status'], ['settings']]);
    expect(actions.openLink).toHaveBeenCalledWith('https://intranet.example.qc.ca/guide');
    expect(actions.sync).toHaveBeenCalledTimes(1);
    expect(actions.quit).toHaveBeenCalledTimes(1);
  });

  it('keeps a disabled item disabled (e.g. sync while syncing)', () => {
    const { agent, menu } = setUp();
    agent.model = sampleTray({
      menu: [{ id: 'sync', label: 'Synchronisation…', enabled: false, action: { type: 'sync' } }],
    });
    agent.emitState();
    expect(menu()[0]).toMatchObject({ id: 'sync', enabled: false });
  });

  it('follows the state: new icon, tooltip and menu on every change', () => {
    const { agent, tray, menu } = setUp();
    const states: TrayState[] = ['upcoming', 'in-progress', 'verification-due', 'problem', 'offline', 'idle'];
    for (const state of states) {
      agent.model = sampleTray({ state, tooltip: `Vigie — ${state}`, menu: [] });
      agent.emitState();
      expect(tray.image).toEqual({ icon: state });
      expect(tray.toolTip).toBe(`Vigie — ${state}`);
      expect(menu()).toEqual([]);
    }
  });

  it("cuts the tooltip at Windows' 127-character limit", () => {
    const { agent, tray } = setUp();
    agent.model = sampleTray({ tooltip: `Vigie — plage en cours : ${'GestLab, '.repeat(30)}` });
    agent.emitState();
    expect(tray.toolTip).toHaveLength(TOOLTIP_MAX);
    expect(tray.toolTip.endsWith('…')).toBe(true);
  });

  it('opens the status window on a left click', () => {
    const { tray, actions } = setUp();
    tray.emit('click');
    expect(actions.openWindow).toHaveBeenCalledWith('status');
  });

  it('logs a failing action instead of crashing the tray', () => {
    const { actions, click, log } = setUp();
    actions.sync.mockImplementation(() => {
      throw new Error('boom');
    });
    expect(() => click('sync')).not.toThrow();
    expect(log.entries.some((e) => e.level === 'error')).toBe(true);
  });

  it('stops listening and removes the icon when disposed', () => {
    const { agent, tray, controller } = setUp();
    expect(agent.listenerCount()).toBe(1);
    controller.dispose();
    expect(agent.listenerCount()).toBe(0);
    expect(tray.destroyed).toBe(true);
  });
});
