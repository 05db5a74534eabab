/**
 * What a build left in its output folder, file by file (size and modification time), recorded so
 * the next build can tell whether the folder is still exactly that, and afterwards which files it
 * wrote itself. Framework-free; ./keep-output.ts is the Astro integration that uses it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { filesUnder } from '../built-site/files.ts';

/** By path relative to the output folder (with `/`): [size, mtimeMs]. */
export type OutputState = Record<string, [number, number]>;

/** The search index is written after the build (`pagefind --site dist`): never part of a build's output. */
export const AFTER_BUILD = ['pagefind/'];

const relativePath = (dir: string, file: string) => relative(dir, file).split(sep).join('/');

/** Every file under `dir` with its size and modification time, but what is written after the build. */
export function outputState(dir: string): OutputState {
  const state: OutputState = {};
  if (!existsSync(dir)) return state;
  for (const file of filesUnder(dir)) {
    const path = relativePath(dir, file);
    if (AFTER_BUILD.some((prefix) => path.startsWith(prefix))) continue;
    const { size, mtimeMs } = statSync(file);
    state[path] = [size, mtimeMs];
  }
  return state;
}

/** True when both states list the same files with the same sizes and times. */
export function sameState(a: OutputState, b: OutputState): boolean {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  return names.every((name) => b[name] !== undefined && b[name][0] === a[name]![0] && b[name][1] === a[name]![1]);
}

/** The files of `after` that are not in `before`, or differ from it: what was written in between. */
export function written(before: OutputState, after: OutputState): Set<string> {
  return new Set(Object.keys(after).filter((name) => before[name] === undefined || before[name][0] !== after[name]![0] || before[name][1] !== after[name]![1]));
}

/** The recorded state of `dir`, or undefined when none is recorded for that folder (or it cannot be read). */
export function readState(file: string, dir: string): OutputState | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { dir: string; files: OutputState };
    return data.dir === dir ? data.files : undefined;
  } catch {
    return undefined;
  }
}

export function writeState(file: string, dir: string, files: OutputState): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ dir, files }));
}

/** Deletes everything in `dir` (the folder stays), as a build that starts from nothing. */
export function emptyFolder(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
}

/** Deletes every file under `dir` not in `keep` (paths relative to `dir`), then the folders left empty; returns how many files. */
export function prune(dir: string, keep: Set<string>): number {
  let removed = 0;
  for (const file of [...filesUnder(dir)]) {
    if (keep.has(relativePath(dir, file))) continue;
    rmSync(file);
    removed += 1;
  }
  if (removed > 0) removeEmptyFolders(dir, dir);
  return removed;
}

function removeEmptyFolders(dir: string, root: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptyFolders(join(dir, entry.name), root);
  }
  if (dir !== root && readdirSync(dir).length === 0) rmdirSync(dir);
}
