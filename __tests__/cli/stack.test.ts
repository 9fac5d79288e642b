// Internal errors are reported with positions in src/, read from the bundle's source maps on demand.
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { mapStack } from '../../src/cli/stack.js';

describe('mapStack', () => {
  test('maps bundle frames through their .map file, leaves other frames alone', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mdg-stack-'));
    try {
      const js = path.join(dir, 'index.js');
      writeFileSync(js, 'a\nb\n');
      // Line 2, column 1 of index.js comes from line 10, column 5 of src/engine.ts.
      writeFileSync(`${js}.map`, JSON.stringify({ version: 3, file: 'index.js', sources: ['webpack://x/../../src/engine.ts'], names: [], mappings: ';AASI' }));
      const stack = `Error: boom\n    at run (${js}:2:1)\n    at other (node:internal/x:1:1)\n    at ${path.join(dir, 'nomap.js')}:3:4`;
      const out = mapStack(stack).split('\n');
      expect(out[1]).toBe('    at run (src/engine.ts:10:5)');
      expect(out[2]).toBe('    at other (node:internal/x:1:1)');
      expect(out[3]).toBe(`    at ${path.join(dir, 'nomap.js')}:3:4`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
