#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prototype of the perspectives linking rules over the matrices that
bench/alignment/dump.c writes, measured leave-one-pair-out; reproduces the
C code's figures at the defaults and the second-round table of
docs/comparison.md ("structure, per-pair thresholds, paraphrases").

    bench/alignment/run.py --dump > /tmp/matrices.json
    /usr/bin/python3 bench/alignment/proto.py /tmp/matrices.json

Needs numpy (python3-numpy). Not used by the app.
"""
import itertools
import json
import sys

import numpy as np

P = json.load(open(sys.argv[1]))
for p in P:
    sh = (p['n_a'], p['n_b'])
    for k in ('lex', 'sem', 'ev', 'valid', 'label'):
        p[k] = np.array(p[k]).reshape(sh)
    p['valid'] = p['valid'] > 0

def std(m, v):
    x = m[v]; mu, sd = x.mean(), x.std()
    out = np.zeros_like(m)
    if sd > 1e-12: out[v] = (m[v] - mu) / sd
    return out

def smooth(z, v, beta, mode):
    if beta == 0: return z
    n_a, n_b = z.shape
    zp = np.pad(np.where(v, z, 0.0), 1)
    if mode == 'diag':
        nb = (zp[:-2, :-2] + zp[2:, 2:]) / 2
    elif mode == 'diagmax':
        nb = np.maximum(zp[:-2, :-2], zp[2:, 2:])
    elif mode == 'cross':  # same-row/col neighbours: paragraph continues a point
        nb = np.maximum(np.maximum(zp[:-2, 1:-1], zp[2:, 1:-1]), np.maximum(zp[1:-1, :-2], zp[1:-1, 2:]))
    return z + beta * nb

def align(p, q):
    v = p['valid']; lex = p['lex']
    zl = std(lex, v); zs = std(p['sem'], v)
    z = zl + q['sem'] * zs
    if q['sem'] > 0: z = std(z, v)
    z = smooth(z, v, q.get('beta', 0), q.get('mode', 'diag'))
    if q.get('beta', 0): z = std(z, v)
    n_a, n_b = z.shape
    if q.get('pos', 0):
        ri = (np.arange(n_a) + .5) / n_a; rj = (np.arange(n_b) + .5) / n_b
        z = z - q['pos'] * np.abs(ri[:, None] - rj[None, :])
        z = std(z, v)
    zz = np.where(v, z, -1e9)
    ba = zz.max(1); bb = zz.max(0)
    mutual = (zz == ba[:, None]) & (zz == bb[None, :])
    thr = q['z']
    if q.get('cal'):  # per-pair calibration
        thr = calib(zz[v], q, n_a, n_b)
    sure = lex >= 0.5
    link = (zz >= thr) | (mutual & (zz >= q['mz']))
    link &= ~((zz < ba[:, None] - q['rel']) & (zz < bb[None, :] - q['rel']))
    if q['ev']:
        link &= (p['ev'] > 0) | (zs >= q['z'])
    link = (link | sure) & v & (lex > 0)
    return link

def calib(x, q, n_a, n_b):
    kind = q['cal']
    if kind == 'quant':  # expected links proportional to paragraphs
        k = int(round(q['z'] * (n_a + n_b) / 2))
        k = max(1, min(k, len(x)))
        return np.sort(x)[::-1][k - 1]
    if kind == 'gmm':  # two Gaussians: background and signal; link where P(signal) >= q['z']
        mu = np.array([np.median(x), np.quantile(x, 0.97)]); sd = np.array([x.std(), x.std()]); pi = np.array([0.95, 0.05])
        for _ in range(100):
            l = pi / sd * np.exp(-0.5 * ((x[:, None] - mu) / sd) ** 2) + 1e-300
            r = l / l.sum(1, keepdims=True)
            nk = r.sum(0); pi = nk / len(x); mu = (r * x[:, None]).sum(0) / nk
            sd = np.sqrt((r * (x[:, None] - mu) ** 2).sum(0) / nk) + 1e-6
        if mu[1] < mu[0]: r = r[:, ::-1]
        sel = x[r[:, 1] >= q['z']]
        return sel.min() if len(sel) and mu[1] != mu[0] else x.max()
    if kind == 'gap':  # largest gap in the upper tail
        s = np.sort(x)[::-1][: max(3, int(0.15 * len(x)))]
        g = s[:-1] - s[1:]
        return s[int(np.argmax(g))]

def count(p, link):
    lab = p['label']
    pred = int(link.sum()); tpl = int(((lab > 0) & link).sum()); tps = int(((lab == 2) & link).sum())
    return np.array([p['n_strong'], p['n_listed'], pred, tps, tpl])

def f1(c):
    r = c[3] / c[0] if c[0] else 0; pr = c[4] / c[2] if c[2] else 0
    return 2 * pr * r / (pr + r) if pr + r else 0, r, c[4] / c[1], pr

def grid(extra):
    base = dict(z=[1.0, 1.25, 1.5, 1.75, 2.0, 2.5], mz=[0.5, 1.0, 1.5], rel=[1.0, 2.0, 99.0],
                sem=[0.0, 0.25, 0.5, 0.75, 1.0], ev=[0, 2])
    base.update(extra)
    keys = list(base)
    for vals in itertools.product(*[base[k] for k in keys]):
        q = dict(zip(keys, vals))
        if q['mz'] > q['z'] and not q.get('cal'): continue
        yield q

def loo(extra, pool_names, label, verbose=False):
    qs = list(grid(extra))
    names = [p['name'] for p in P]
    C = np.array([[count(p, align(p, q)) for p in P] for q in qs])  # settings x pairs x 5
    idx = [names.index(n) for n in pool_names]
    tot = np.zeros(5, int)
    for k in idx:
        others = [i for i in idx if i != k]
        fs = [f1(C[s, others].sum(0))[0] for s in range(len(qs))]
        b = int(np.argmax(fs))
        tot += C[b, k]
        if verbose: print('  ', names[k], C[b, k], qs[b])
    f, r, ra, pr = f1(tot)
    print(f"| {label} | {r:.2f} | {ra:.2f} | {pr:.2f} | {f:.2f} |  n={len(qs)}", flush=True)
    return tot


def ap(score, p, strong=False):
    """average precision of the listed (or strong) links in @score's ranking"""
    v = p['valid']; lab = p['label'][v]; s = score[v]
    y = (lab == 2) if strong else (lab > 0)
    o = np.argsort(-s); y = y[o]
    hits = np.cumsum(y); prec = hits / (np.arange(len(y)) + 1)
    return (prec * y).sum() / max(1, y.sum())


if __name__ == '__main__':
    dev = [p['name'] for p in P if p['name'].startswith('pair')]
    allp = [p['name'] for p in P]
    q0 = dict(z=1.5, mz=1.0, rel=2.0, sem=0.5, ev=2, beta=0.35, mode='cross')
    for p in P:
        print(p['name'], 'defaults: strong, listed, predicted, strong found, listed found', count(p, align(p, q0)))
    for pool, nm in ((dev, 'development pairs'), (allp, 'all pairs')):
        print(nm)
        loo({}, pool, 'baseline')
        loo(dict(beta=[0.25, 0.5], mode=['diag']), pool, '(b) diagonal smoothing')
        loo(dict(pos=[0, 0.5, 1.0]), pool, '(b) position prior')
        loo(dict(beta=[0, 0.15, 0.25, 0.35], mode=['cross']), pool, '(b) neighbours in the same row or column')
        loo(dict(cal=['quant'], z=[0.5, 0.75, 1.0, 1.25, 1.5], mz=[1.0, 1.5, 99]), pool, '(c) per pair: links in proportion to paragraphs')
        loo(dict(cal=['gap'], z=[0], mz=[0.5, 1.0, 1.5, 99]), pool, '(c) per pair: largest gap')
        loo(dict(cal=['gmm'], z=[0.3, 0.5, 0.7, 0.9], mz=[1.0, 1.5, 99]), pool, '(c) per pair: two-Gaussian mixture')
        loo(dict(cal=['gmm'], z=[0.3, 0.5, 0.7, 0.9], mz=[1.0, 1.5, 99], beta=[0.35], mode=['cross']), pool, '(c) mixture + neighbours')
        loo(dict(beta=[0, 0.15, 0.25, 0.35], mode=['cross'], cal=['quant'], z=[0.5, 0.75, 1.0, 1.25, 1.5], mz=[1.0, 1.5, 99]), pool, '(c) paragraph count + neighbours')
