// Stack traces of internal errors, mapped to src/ through the bundle's source maps — read only when
// something crashed, so start-up never pays for parsing them.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

const FRAME = /\(?((?:file:\/\/)?\/[^():\s]+\.js):(\d+):(\d+)\)?$/;

/** The stack with every frame in a bundle file replaced by its source position (unchanged when it has no map). */
export function mapStack(stack: string): string {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (file: string): SourceMap | null => {
    let m = maps.get(file);
    if (m === undefined) {
      try {
        m = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
      } catch {
        m = null;
      }
      maps.set(file, m);
    }
    return m;
  };
  return stack
    .split('\n')
    .map((line) => {
      const f = FRAME.exec(line);
      if (!f) return line;
      const file = f[1].startsWith('file://') ? fileURLToPath(f[1]) : f[1];
      const entry = mapOf(file)?.findEntry(Number(f[2]) - 1, Number(f[3]) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
      if (!entry?.originalSource) return line;
      const src = entry.originalSource.replace(/^webpack:\/\/[^/]*\//, '').replace(/^(?:\.\.?\/)+/, '');
      return line.replace(f[0], `${f[0].startsWith('(') ? '(' : ''}${src}:${(entry.originalLine ?? 0) + 1}:${(entry.originalColumn ?? 0) + 1}${f[0].endsWith(')') ? ')' : ''}`);
    })
    .join('\n');
}
