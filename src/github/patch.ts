// Which lines of the new file a unified-diff `patch` (from pulls.listFiles) adds or changes.

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/** New-file line numbers of `+` lines. An absent patch (binary, too large) yields an empty set. */
export function changedLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (!patch) return lines;
  let next = 0;
  let inHunk = false;
  for (const line of patch.split('\n')) {
    const m = HUNK.exec(line);
    if (m) {
      next = Number(m[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    if (line.startsWith('+')) lines.add(next++);
    else if (line.startsWith(' ') || line === '') next++;
    // '-' lines and "\ No newline at end of file" do not exist in the new file.
  }
  return lines;
}
