import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientCodeDigest } from './client-code.ts';

function site(): string {
  const root = mkdtempSync(join(tmpdir(), 'client-code-'));
  mkdirSync(join(root, 'src/components'), { recursive: true });
  mkdirSync(join(root, 'src/scripts'), { recursive: true });
  writeFileSync(join(root, 'astro.config.mjs'), 'export default {};\n');
  writeFileSync(join(root, 'src/components/Reader.astro'), "---\nconst x = 1;\n---\n<p>{x}</p>\n<script>\n  import '../scripts/reader.ts';\n</script>\n");
  writeFileSync(join(root, 'src/scripts/reader.ts'), "import { label } from './labels.ts';\nconsole.log(label);\n");
  writeFileSync(join(root, 'src/scripts/labels.ts'), "export const label = 'Accurate';\n");
  writeFileSync(join(root, 'src/scripts/unused.ts'), 'export {};\n');
  return root;
}

test('the digest changes with a script a page loads, a module it imports, a script block or the config', () => {
  const root = site();
  try {
    const edits: [string, string][] = [
      ['src/scripts/labels.ts', "export const label = 'Inaccurate';\n"],
      ['src/scripts/reader.ts', "import { label } from './labels.ts';\nconsole.info(label);\n"],
      ['src/components/Reader.astro', "---\nconst x = 1;\n---\n<p>{x}</p>\n<script>\n  import '../scripts/reader.ts';\n  console.log(2);\n</script>\n"],
      ['astro.config.mjs', 'export default { vite: {} };\n'],
    ];
    let before = clientCodeDigest(root);
    for (const [file, text] of edits) {
      writeFileSync(join(root, file), text);
      const after = clientCodeDigest(root);
      assert.notEqual(after, before, `an edit of ${file} changes the digest`);
      before = after;
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the digest ignores server-side markup and modules no script imports', () => {
  const root = site();
  try {
    const before = clientCodeDigest(root);
    writeFileSync(join(root, 'src/scripts/unused.ts'), 'export const changed = true;\n');
    writeFileSync(join(root, 'src/components/Reader.astro'), "---\nconst x = 2;\n---\n<p>{x}</p>\n<script>\n  import '../scripts/reader.ts';\n</script>\n");
    assert.equal(clientCodeDigest(root), before);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
