import { describe, expect, it } from '@jest/globals';
import { isInside, normaliseRepoPath, repoToRoot, rootToRepo } from '../../src/github/paths.js';
import { changedLines } from '../../src/github/patch.js';

describe('normaliseRepoPath', () => {
  it('keeps repository paths, tidied', () => {
    expect(normaliseRepoPath('deploy/prod/a.yml')).toBe('deploy/prod/a.yml');
    expect(normaliseRepoPath('./deploy//prod/./a.yml')).toBe('deploy/prod/a.yml');
    expect(normaliseRepoPath('.cloud/.azure/deploy.json')).toBe('.cloud/.azure/deploy.json');
    expect(normaliseRepoPath('dir/..hidden')).toBe('dir/..hidden');
  });

  it('rejects anything that could leave the checkout', () => {
    for (const bad of ['', '/etc/passwd', '\\\\server\\share', 'C:/x', '../x', 'a/../../x', 'a/../b', 'a\\..\\..\\x', 'a\0b', '.', './']) {
      expect(normaliseRepoPath(bad)).toBeUndefined();
    }
  });
});

describe('root-relative paths', () => {
  it('maps between the repository and the scanned folder', () => {
    expect(repoToRoot('ml/deploy/a.yml', 'ml')).toBe('deploy/a.yml');
    expect(repoToRoot('mlops/a.yml', 'ml')).toBeUndefined();
    expect(repoToRoot('a.yml', '')).toBe('a.yml');
    expect(rootToRepo('deploy/a.yml', 'ml')).toBe('ml/deploy/a.yml');
    expect(rootToRepo('deploy/a.yml', '')).toBe('deploy/a.yml');
  });

  it('isInside is lexical containment', () => {
    expect(isInside('/w', '/w')).toBe(true);
    expect(isInside('/w', '/w/a/b')).toBe(true);
    expect(isInside('/w', '/wx')).toBe(false);
    expect(isInside('/w', '/')).toBe(false);
  });
});

describe('changedLines', () => {
  it('collects added lines of every hunk in new-file numbering', () => {
    const patch = [
      '@@ -1,4 +1,5 @@',
      ' computeType: ACI',
      '-cpu: 1',
      '+cpu: 2',
      '+memoryInGB: 4',
      ' a: 1',
      ' b: 2',
      '@@ -20,2 +21,3 @@ section',
      ' c: 3',
      '+d: 4',
      '\\ No newline at end of file',
    ].join('\n');
    expect([...changedLines(patch)].sort((a, b) => a - b)).toEqual([2, 3, 22]);
  });

  it('is empty without a patch (binary or too large)', () => {
    expect(changedLines(undefined).size).toBe(0);
    expect([...changedLines('@@ -0,0 +1 @@\n+only')]).toEqual([1]);
  });
});
