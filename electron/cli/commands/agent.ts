/**
 * `cli agent`: the real-time core without Electron (issue 3, "Headless mode") — for a workstation test or a kiosk.
 * Same agent as the tray app; toasts through node-notifier, or printed when the desktop cannot show them; logs on
 * the console. Runs until SIGINT/SIGTERM.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs, UsageError } from '../args';
import { ASSETS_DIR } from '../assets';
import type { Command } from '../command';
import type { CliIo } from '../io';
import { createAgent, type AgentDeps } from '../../core/agent';
import { readPublicKeyFiles } from '../keys';
import type { Notifier } from '../../core/agent-types';
import { NodeNotifier } from '../../core/notify/node-notifier';
import { ConsoleNotifier } from '../../core/notify/simple';
import { machinePolicyPath, machinePolicySources, type MachinePolicySources } from '../../core/settings';
import type { Logger } from '../../core/store';
import { cliParser } from '../parse-entry';
import { USAGE } from '../usage';

const SPEC = {
  inventory: { type: 'string' },
  site: { type: 'string' },
  service: { type: 'list' },
  'data-dir': { type: 'string' },
  'public-key': { type: 'list' },
  policy: { type: 'string' },
} as const;

const WINDOW_NAMES = { checklist: 'la vérification', status: 'le calendrier', settings: 'les réglages' } as const;

export interface AgentCommandOptions {
  /** Resolves when the agent must stop (default: SIGINT or SIGTERM). */
  untilStopped?: () => Promise<string>;
  notifier?: (io: CliIo, log: Logger) => Notifier;
  /** Extra agent settings (tests: a shorter tick). */
  agent?: Partial<Pick<AgentDeps, 'tickIntervalMs' | 'readPolicy' | 'sync' | 'parser'>>;
}

/**
 * `--policy <file>`: that config.json alone (a trial of a configuration before deploying it). Without it, the
 * workstation's own machine policy, as the tray app reads it: the registry then ProgramData (settings/sources.ts).
 */
export async function agentPolicySources(
  file: string | undefined,
  platform: NodeJS.Platform = process.platform,
): Promise<MachinePolicySources> {
  if (file !== undefined) return machinePolicySources({ file, registry: false });
  return machinePolicySources({ file: await machinePolicyPath(platform), registry: platform === 'win32' });
}

/** Where the headless agent keeps its database by default: local, per user, apart from the tray app's. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'Vigie', 'agent');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'vigie-agent');
}

function consoleLogger(io: CliIo): Logger {
  const line = (level: string, message: string, data?: Record<string, unknown>): void => {
    const at = io.clock.now().toFormat('yyyy-LL-dd HH:mm:ss');
    io.err(`${at} ${level} ${message}${data && Object.keys(data).length > 0 ? ` ${JSON.stringify(data)}` : ''}\n`);
  };
  return {
    info: (m, d) => line('info ', m, d),
    warn: (m, d) => line('avert', m, d),
    error: (m, d) => line('erreur', m, d),
  };
}

function signals(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function makeAgentCommand(options: AgentCommandOptions = {}): Command {
  return {
    name: 'agent',
    usage: USAGE['agent'],
    async run(argv, io) {
      const args = parseArgs(argv, SPEC);
      const services = args.lists.service ?? [];
      if (services.length > 0 && !args.strings.site) throw new UsageError('--service demande aussi --site');
      const log = consoleLogger(io);
      const dataDir = path.resolve(io.cwd, args.strings['data-dir'] ?? defaultDataDir());
      const notifier =
        options.notifier?.(io, log) ??
        new NodeNotifier({ log, fallback: new ConsoleNotifier((text) => io.out(`${text}\n`)) });
      const keyFiles = args.lists['public-key'] ?? [];
      const publicKeys = keyFiles.length > 0 ? await readPublicKeyFiles(io, keyFiles) : undefined;
      const agent = createAgent({
        userDataDir: dataDir,
        assetsDir: ASSETS_DIR,
        hostname: os.hostname(),
        clock: io.clock,
        notifier: {
          notify(notification, onClick) {
            log.info('notification', { kind: notification.kind, title: notification.title, body: notification.body });
            notifier.notify(notification, onClick);
          },
        },
        policySources: await agentPolicySources(
          args.strings.policy === undefined ? undefined : path.resolve(io.cwd, args.strings.policy),
        ),
        log,
        ...(publicKeys ? { publicKeys } : {}),
        // Inventory and side files from the share are parsed in a child process (no crash loop, docs/deployment.md).
        parser: cliParser({ log }),
        ...options.agent,
      });
      agent.onOpenWindow((kind) => io.out(`Vigie ouvrirait ${WINDOW_NAMES[kind]}.\n`));
      agent.onUserMessage((m) => io.out(`${m.title} — ${m.body}\n`));
      let shownState = '';
      agent.onStateChanged((status) => {
        const line = `État : ${status.trayState} — ${agent.tray().tooltip.replace(/\n/g, ' · ')}`;
        if (line === shownState) return;
        shownState = line;
        io.out(`${line}\n`);
      });
      // The agent's tick interval is unref'd (the tray app's lifetime is Electron's): hold the process here.
      const keepAlive = setInterval(() => undefined, 60_000);
      // Listening from the start: a stop asked while the first syncs run still stops the agent cleanly.
      const stopRequested = (options.untilStopped ?? signals)();
      try {
        await agent.start();
        // Let the start's first sync end, so the source given here is read now rather than at the next poll.
        await agent.tick();
        const patch = {
          ...(args.strings.inventory ? { inventorySource: path.resolve(io.cwd, args.strings.inventory) } : {}),
          ...(args.strings.site ? { site: args.strings.site } : {}),
          ...(services.length > 0 ? { services } : {}),
        };
        if (Object.keys(patch).length > 0) {
          try {
            await agent.api.saveSettings(patch);
          } catch (error) {
            io.err(`agent : réglages refusés : ${error instanceof Error ? error.message : String(error)}\n`);
          }
        }
        io.out(`Vigie (sans interface) en marche — données : ${dataDir}. Ctrl+C pour arrêter.\n`);
        await agent.tick({ sync: true });
        const signal = await stopRequested;
        log.info('arrêt demandé', { signal });
      } finally {
        clearInterval(keepAlive);
        await agent.stop();
      }
      return 0;
    },
  };
}

export const agentCommand: Command = makeAgentCommand();
