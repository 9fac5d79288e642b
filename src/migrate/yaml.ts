// A small YAML writer for generated v2 files: block mappings, plain scalars where YAML reads them
// back unchanged (else double quotes), and a comment on any line.
import { renderKey, renderScalar, type Scalar } from '../fix/scalar.js';

export type Node = Scalar | { [key: string]: Entry };
/** A value, optionally with a trailing comment (`[value, comment]`). */
export type Entry = Node | [Node, string] | undefined;

function oneLine(comment: string): string {
  return comment.replace(/\s*\n\s*/g, ' ').trim();
}

function entries(obj: Record<string, Entry>, indent: number, out: string[]): void {
  const pad = '  '.repeat(indent);
  for (const [k, e] of Object.entries(obj)) {
    if (e === undefined) continue;
    const [node, comment] = Array.isArray(e) ? e : [e, undefined];
    const tail = comment ? `  # ${oneLine(comment)}` : '';
    const key = renderKey(k, 'yaml', '');
    if (typeof node === 'object') {
      if (Object.values(node).every((x) => x === undefined)) continue;
      out.push(`${pad}${key}:${tail}`);
      entries(node, indent + 1, out);
    } else {
      out.push(`${pad}${key}: ${renderScalar(node, 'yaml', '')}${tail}`);
    }
  }
}

/** A YAML document: header comment lines, the mapping, footer comment lines. */
export function yamlDocument(header: string[], body: Record<string, Entry>, footer: string[] = []): string {
  const out: string[] = header.map((h) => `# ${oneLine(h)}`.trimEnd());
  entries(body, 0, out);
  if (footer.length) out.push('', ...footer.map((f) => (f === '' ? '#' : `# ${f.replace(/\s*\n\s*/g, ' ').trimEnd()}`)));
  return `${out.join('\n')}\n`;
}
