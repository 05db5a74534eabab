/**
 * An `astro dev` server over a temporary copy of a fixture content folder, for the tests of the
 * editors' tools: the real content/ folder is never touched, and stop() removes the copy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DevServer {
  url: string;
  /** The temporary articles root: `<copy>/articles/<slug>/…`. */
  articles: string;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startDevServer(fixture: string, port: number): Promise<DevServer> {
  const content = mkdtempSync(join(tmpdir(), 'editor-tools-'));
  cpSync(fixture, content, { recursive: true });
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1', '--strictPort'],
    { env: { ...process.env, CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    }
    rmSync(content, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`astro dev exited with ${child.exitCode}:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/__editor/status`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`astro dev did not answer on ${url} within 90 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { url, articles: join(content, 'articles'), output: () => output, stop };
}
