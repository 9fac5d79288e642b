#!/usr/bin/env python3
"""Checks the fuzzer's equivalent rewrites with Azure's own loaders.

    node scripts/fuzz.mjs --count 20000 --seed 11 --kinds equivalent --dump-equivalent /tmp/eq
    python3 __tests__/robustness/pyyaml-oracle.py /tmp/eq

For each N.plain.EXT / N.rewritten.EXT pair it loads both files as the Azure ML CLIs do and
requires the same data: YAML with PyYAML `safe_load_all` (the v2 CLI, MLflow); JSON with Python
`json` (the aml-* actions) and with "PyYAML first, then json" (the v1 CLI's file_stream_to_object).
A rewrite the loader cannot read where it read the plain file, or reads as other data, is a
mismatch: the fuzzer's claim that the rewrite is equivalent would be wrong. Exits 1 on any mismatch.
Needs PyYAML (`pip install pyyaml`); not part of `npm test`.
"""
import datetime
import glob
import json
import math
import os
import sys

import yaml


def norm(v, fold):
    if isinstance(v, dict):
        return {(k.lower() if fold else k) if isinstance(k, str) else repr(k): norm(x, fold) for k, x in v.items()}
    if isinstance(v, list):
        return [norm(x, fold) for x in v]
    if isinstance(v, (datetime.date, datetime.datetime)):
        return ('timestamp', str(v))
    if isinstance(v, bytes):
        return ('binary', v.hex())
    if isinstance(v, str):
        return v.lower() if fold else v
    if isinstance(v, float) and math.isnan(v):
        return 'nan'
    return v


def loads(path, ext):
    """Loader name -> documents (without empty ones), or an error string."""
    text = open(path, 'rb').read().decode('utf-8')
    out = {}

    def try_yaml():
        try:
            return [d for d in yaml.safe_load_all(text) if d is not None]
        except Exception as e:  # noqa: BLE001 - any loader error counts
            return 'error: ' + str(e).split('\n')[0]

    if ext == 'json':
        try:
            out['json'] = [json.loads(text.lstrip('\ufeff'))]
        except Exception as e:  # noqa: BLE001
            out['json'] = 'error: ' + str(e)
        y = try_yaml()
        out['yaml-then-json'] = y if not isinstance(y, str) else out['json']
    else:
        out['yaml'] = try_yaml()
    return out


def main(folder):
    pairs = sorted(glob.glob(os.path.join(folder, '*.json')), key=lambda p: int(os.path.basename(p).split('.')[0]))
    pairs = [p for p in pairs if os.path.basename(p).count('.') == 1]
    bad = 0
    for meta_path in pairs:
        n = os.path.basename(meta_path).split('.')[0]
        meta = json.load(open(meta_path))
        ext = 'json' if os.path.exists(os.path.join(folder, f'{n}.plain.json')) else 'yml'
        plain = loads(os.path.join(folder, f'{n}.plain.{ext}'), ext)
        rewritten = loads(os.path.join(folder, f'{n}.rewritten.{ext}'), ext)
        for loader, docs in plain.items():
            if isinstance(docs, str):
                continue  # this loader cannot read the plain file either
            a = norm(docs, meta.get('caseFold', False))
            b = rewritten[loader]
            if isinstance(b, str) or norm(b, meta.get('caseFold', False)) != a:
                bad += 1
                if bad <= 20:
                    print(f'MISMATCH {loader} input {n} ({meta["seed"]}; {", ".join(meta["ops"])}): {b if isinstance(b, str) else "other data"}')
    print(f'pyyaml-oracle: {len(pairs)} rewrites, {bad} mismatches (PyYAML {yaml.__version__})')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else '.'))
