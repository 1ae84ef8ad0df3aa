#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Idea (a) of docs/comparison.md's second round, measured and not kept: a
table of cross-document term associations learnt from same-story reports
in ../shared/corpus (articles of different outlets at most a day apart
with similar vocabulary; their paragraphs paired as mutual best matches;
positive PMI between the stems each side uses and the other does not),
blended into the alignment and measured leave-one-pair-out.

    bench/alignment/run.py --dump > /tmp/matrices.json
    /usr/bin/python3 bench/alignment/paraphrase.py /tmp/matrices.json [MIN_ARTICLE_COSINE]

Needs numpy; run from the source root. Takes a few minutes (stemming the
corpus).
"""
import bisect
import collections
import datetime
import gzip
import json
import math
import os
import sys

import numpy as np

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(TOP, 'build-aux'))
sys.path.insert(0, os.path.join(TOP, 'bench', 'alignment'))
import comparison_text as text  # noqa: E402
import proto  # noqa: E402

TH = float(sys.argv[2]) if len(sys.argv) > 2 else 0.2
st = text.Stemmer()
arts = []
for line in gzip.open(os.path.join(TOP, '..', 'shared', 'corpus', 'news-background.jsonl.gz'), 'rt'):
    r = json.loads(line)
    if not r['date']:
        continue
    paras = [set(text.terms(p, st, phrases=False)[0]) for p in r['text'].split('\n\n')]
    paras = [p for p in paras if len(p) >= 5]
    if len(paras) >= 4:
        arts.append((r['date'], r['source'], paras))
N = len(arts)
df = collections.Counter()
for a in arts:
    for w in set().union(*a[2]): df[w] += 1
idf = {w: math.log(N / c) for w, c in df.items()}
dates = [datetime.date.fromisoformat(a[0]).toordinal() for a in arts]
def nv(ws):
    v = {w: idf[w] for w in ws if df[w] >= 2}
    n = math.sqrt(sum(x * x for x in v.values())) or 1
    return {w: x / n for w, x in v.items()}
av = [nv(set().union(*a[2])) for a in arts]
order = sorted(range(N), key=lambda i: dates[i]); sd = [dates[i] for i in order]

pairs = []
for x in range(N):
    lo = bisect.bisect_left(sd, dates[x] - 1); hi = bisect.bisect_right(sd, dates[x] + 1)
    for yy in range(lo, hi):
        y = order[yy]
        if y <= x or arts[y][1] == arts[x][1]: continue
        s = sum(v * av[y].get(w, 0) for w, v in av[x].items())
        if TH <= s < 0.9: pairs.append((x, y, s))
print('article pairs', len(pairs), flush=True)
# paragraph alignment: mutual best paragraph pairs by TF-IDF cosine, above 0.2
aligned = []
for x, y, s in pairs:
    px = [nv(p) for p in arts[x][2]]; py = [nv(p) for p in arts[y][2]]
    M = np.array([[sum(v * q.get(w, 0) for w, v in p.items()) for q in py] for p in px])
    for i in range(len(px)):
        j = int(M[i].argmax())
        if M[i, j] >= 0.2 and int(M[:, j].argmax()) == i and M[i, j] < 0.8:
            aligned.append((arts[x][2][i], arts[y][2][j]))
print('aligned paragraph pairs', len(aligned), flush=True)
# co-occurrence of u (one side only) with v (other side only), symmetric
cu = collections.Counter(); cuv = collections.Counter()
for p, q in aligned:
    for side_a, side_b in ((p, q), (q, p)):
        a_only = [w for w in side_a - side_b if df[w] >= 3]; b_only = [w for w in side_b - side_a if df[w] >= 3]
        for u in a_only: cu[u] += 1
        for u in a_only:
            for v in b_only:
                if u < v or True: cuv[(u, v)] += 1
n = 2 * len(aligned)
table = {}
for (u, v), c in cuv.items():
    if c >= 3 and u != v:
        pmi = math.log(c * n / (cu[u] * cu[v]))
        if pmi > 0: table[(u, v)] = pmi
print('associations', len(table), flush=True)
top = sorted(table.items(), key=lambda kv: -kv[1] * math.log(cuv[kv[0]]))[:40]
print([f"{u}~{v}" for (u, v), s in top])


T = collections.defaultdict(dict)
for (u, v), s in table.items():
    T[u][v] = s
for p in proto.P:
    A = [set(text.terms(t, st, phrases=False)[0]) for t in p['text_a']]
    B = [set(text.terms(t, st, phrases=False)[0]) for t in p['text_b']]
    M = np.zeros((p['n_a'], p['n_b']))
    for i, a in enumerate(A):
        for j, b in enumerate(B):
            s = sum(T[u].get(v, 0.0) for u in a - b if u in T for v in b - a)
            M[i, j] = s / math.sqrt(max(1, len(a)) * max(1, len(b)))
    p['assoc'] = M
    # the table's similarity joins the model's, with its own weight tw
print('AP (listed/strong) of the association score alone:',
      ' '.join(f"{p['name']}:{proto.ap(p['assoc'], p):.2f}/{proto.ap(p['assoc'], p, True):.2f}" for p in proto.P))
base_align = proto.align


def align(p, q):
    if q.get('tw', 0) and q['sem'] > 0:
        p2 = dict(p)
        p2['sem'] = proto.std(p['sem'], p['valid']) + q['tw'] / q['sem'] * proto.std(p['assoc'], p['valid'])
        return base_align(p2, q)
    return base_align(p, q)


proto.align = align
dev = [p['name'] for p in proto.P if p['name'].startswith('pair')]
allp = [p['name'] for p in proto.P]
for pool, nm in ((dev, 'development pairs'), (allp, 'all pairs')):
    print(nm)
    proto.loo(dict(beta=[0.35], mode=['cross'], sem=[0.25, 0.5, 0.75], tw=[0, 0.25, 0.5]), pool,
              '(a) neighbours + corpus paraphrase table')
