/**
 * Running and timing the bench's builds: each child process (an `astro build`, Pagefind) with its
 * output in bench/work/logs/<name>.log, its wall time, its CPU time and peak memory from GNU time,
 * and Astro's own phase times and restored pages read back from its log.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
export const work = join(root, 'bench/work');
export const astroBin = join(root, 'node_modules/astro/bin/astro.mjs');
export const pagefindBin = join(root, 'node_modules/.bin/pagefind');
const logs = join(work, 'logs');

export const ALL_WAYS = ['ours', 'unified', 'satteri'] as const;
export type Way = (typeof ALL_WAYS)[number];

/** The corpus, output and cache folders of one way of building N articles. */
export const dirs = (way: Way, n: number) => ({
  content: join(work, way === 'unified' ? `corpus-${n}-bare` : `corpus-${n}`),
  dist: join(work, `dist-${way}-${n}`),
  cache: join(work, `cache-${way}-${n}`),
});

export interface Timing {
  /** Wall time. */
  seconds: number;
  /** User + system time of the child and its descendants, where GNU time is on the machine. */
  cpu?: number;
  /** Peak resident memory of the largest process of the child's tree, in MB (GNU time's %M). */
  peakMb?: number;
}

/**
 * CPU time (user + system) of a child and its descendants, from GNU time when the machine has it.
 * On a shared machine wall time depends on what else runs; CPU time far less, and for a build
 * that is mostly one thread it is close to the wall time the build would take on an idle machine.
 */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs a child process, its output to bench/work/logs/<name>.log; fails if it fails. */
export async function timed(name: string, command: string, args: string[], env: Record<string, string>): Promise<Timing> {
  mkdirSync(logs, { recursive: true });
  const out = createWriteStream(join(logs, `${name}.log`));
  const cpuFile = join(logs, `${name}.cpu`);
  if (TIME) [command, args] = [TIME, ['-f', '%U %S %M', '-o', cpuFile, command, ...args]];
  const start = process.hrtime.bigint();
  const code = await new Promise<number | null>((done) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('close', done);
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  out.end();
  if (code !== 0) throw new Error(`${name} failed (exit ${code}); see bench/work/logs/${name}.log`);
  const timing: Timing = { seconds };
  if (TIME && existsSync(cpuFile)) {
    const [user, system, maxRssKb] = readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    if (Number.isFinite(user) && Number.isFinite(system)) timing.cpu = user! + system!;
    if (Number.isFinite(maxRssKb)) timing.peakMb = Math.round(maxRssKb! / 1024);
  }
  return timing;
}

/** Astro's own phase times from a build log: setup with the content sync, and page rendering. */
export function phases(name: string): { contentAndSetup?: number; pages?: number } {
  const text = readFileSync(join(logs, `${name}.log`), 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
  // Astro prints "812ms", "9.62s" or "1m 15s".
  const duration = '((?:\\d+m )?[\\d.]+m?s)';
  const setup = new RegExp(`\\[build\\] ✓ Completed in ${duration}`).exec(text);
  const routes = new RegExp(`generating static routes[\\s\\S]*?\\n\\S+ ✓ Completed in ${duration}`).exec(text);
  const secs = (m: RegExpExecArray | null) => (m ? parseDuration(m[1]!) : undefined);
  return { contentAndSetup: secs(setup), pages: secs(routes) };
}

export function parseDuration(text: string): number {
  const m = /^(?:(\d+)m )?([\d.]+)(ms|s|m)$/.exec(text.trim());
  if (!m) return Number.NaN;
  const [, minutes, value, unit] = m;
  return Number(minutes ?? 0) * 60 + Number(value) / (unit === 'ms' ? 1000 : 1) * (unit === 'm' ? 60 : 1);
}

/** Pages Astro's incremental build copied from its cache instead of rendering, from a build log. */
export function restoredPages(name: string): number {
  return (readFileSync(join(logs, `${name}.log`), 'utf8').match(/\(restored\)|\(cached\)/g) ?? []).length;
}

/** Every `astro build` of the run by name (`<way>-<n>-<label>`): its phases, CPU time and peak memory. */
export const buildLog = {
  phases: {} as Record<string, ReturnType<typeof phases>>,
  cpu: {} as Record<string, number | undefined>,
  peakMb: {} as Record<string, number | undefined>,
};

/** `astro build` of one way over N articles, logged as `<way>-<n>-<label>`. */
export async function astroBuild(way: Way, n: number, label: string): Promise<Timing> {
  const d = dirs(way, n);
  const args = [astroBin, 'build', ...(way === 'satteri' ? ['--root', join(root, 'bench/astro-plain')] : [])];
  const name = `${way}-${n}-${label}`;
  const timing = await timed(name, process.execPath, args, { CONTENT_DIR: d.content, DIST_DIR: d.dist, ASTRO_CACHE_DIR: d.cache });
  buildLog.phases[name] = phases(name);
  buildLog.cpu[name] = timing.cpu;
  buildLog.peakMb[name] = timing.peakMb;
  return timing;
}
