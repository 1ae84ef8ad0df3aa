#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds src/comparison/data/background.model, the background model of the
perspectives comparison, from the news corpus in ../shared/corpus:

    /usr/bin/python3 build-aux/build-comparison-model.py [CORPUS] [-o OUT]

Needs Python 3 and numpy (Debian: python3-numpy) and libstemmer. Takes
10–15 minutes on two cores. What it computes (docs/comparison.md):

1. Every paragraph of the corpus is cut into terms exactly as the app does
   (build-aux/comparison_text.py mirrors dossier-text-analysis.c: same stop
   words, same Snowball stems, demonyms folded into their countries).
2. The 20,000 most frequent stems are the vocabulary; for each, the number
   of corpus paragraphs using it (its document frequency).
3. Co-occurrence counts of vocabulary stems within five content words of
   each other inside a paragraph; positive pointwise mutual information
   (context distribution smoothed by the power 0.75); a randomized
   truncated SVD (seed 1, two power iterations) gives each stem a vector
   U·sqrt(S) of 128 dimensions, normalised and stored as signed bytes.
   Stems used in the same contexts ("negotiations", "talks", "deal") get
   near vectors.

The file (little-endian): "DOSSBGM1", then uint32 n_paragraphs, n_words,
dims, 0; uint32 string offset per word; uint32 document frequency per word;
n_words × dims int8 vector components (× 1/127); the stems, NUL-terminated,
in byte order (the C side finds a stem by binary search, so loading is a
pointer into the compiled-in resource).
"""

import argparse
import collections
import gzip
import json
import os
import struct
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import comparison_text as text  # noqa: E402

VOCABULARY = 20000
DIMS = 128
WINDOW = 5
OVERSAMPLE = 20
POWER_ITERATIONS = 2
SEED = 1


def log(msg, t0):
    print("%6.1f s  %s" % (time.time() - t0, msg), file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?",
                    default=os.path.join(TOP, "..", "shared", "corpus", "news-background.jsonl.gz"))
    ap.add_argument("-o", "--output",
                    default=os.path.join(TOP, "src", "comparison", "data", "background.model"))
    args = ap.parse_args()
    t0 = time.time()
    stemmer = text.Stemmer()

    paragraphs = []
    with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            for par in json.loads(line)["text"].split("\n\n"):
                words, _ = text.terms(par, stemmer, phrases=False)
                if words:
                    paragraphs.append(words)
    log("%d paragraphs" % len(paragraphs), t0)

    df = collections.Counter()
    tf = collections.Counter()
    for words in paragraphs:
        df.update(set(words))
        tf.update(words)
    # most frequent first; ties in byte order, so the choice is reproducible
    vocab = [w for w, _ in sorted(tf.items(), key=lambda kv: (-kv[1], kv[0].encode("utf-8")))][:VOCABULARY]
    index = {w: i for i, w in enumerate(vocab)}
    V = len(vocab)

    ids = []
    for words in paragraphs:
        ids.extend(index.get(w, -1) for w in words)
        ids.append(-2)                         # paragraph boundary
    ids = np.array(ids, dtype=np.int64)
    segment = np.cumsum(ids == -2)
    keys = []
    for d in range(1, WINDOW + 1):
        a, b = ids[:-d], ids[d:]
        ok = (a >= 0) & (b >= 0) & (segment[:-d] == segment[d:])
        keys.append(a[ok] * V + b[ok])
        keys.append(b[ok] * V + a[ok])
    keys = np.concatenate(keys)
    cells, counts = np.unique(keys, return_counts=True)
    log("%d co-occurring pairs" % len(cells), t0)

    counts_matrix = np.zeros((V, V), dtype=np.float32)
    counts_matrix[cells // V, cells % V] = counts
    total = counts_matrix.sum()
    rows = counts_matrix.sum(1)
    contexts = counts_matrix.sum(0) ** 0.75
    contexts = contexts / contexts.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        ppmi = np.log((counts_matrix / total) / (rows[:, None] / total) / contexts[None, :])
    del counts_matrix
    ppmi[~np.isfinite(ppmi)] = 0
    ppmi[ppmi < 0] = 0
    ppmi = ppmi.astype(np.float32)
    log("PPMI", t0)

    rng = np.random.default_rng(SEED)
    y = ppmi @ rng.standard_normal((V, DIMS + OVERSAMPLE)).astype(np.float32)
    for _ in range(POWER_ITERATIONS):
        y, _ = np.linalg.qr(y)
        y = ppmi @ (ppmi.T @ y)
    q, _ = np.linalg.qr(y)
    u_small, s, _ = np.linalg.svd(q.T @ ppmi, full_matrices=False)
    vectors = (q @ u_small)[:, :DIMS] * np.sqrt(s[:DIMS])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    log("SVD", t0)

    order = sorted(range(V), key=lambda i: vocab[i].encode("utf-8"))
    blob = bytearray()
    offsets = []
    for i in order:
        offsets.append(len(blob))
        blob += vocab[i].encode("utf-8") + b"\0"
    quantized = np.clip(np.round(vectors[order] * 127), -127, 127).astype(np.int8)

    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "wb") as f:
        f.write(b"DOSSBGM1")
        f.write(struct.pack("<4I", len(paragraphs), V, DIMS, 0))
        f.write(struct.pack("<%dI" % V, *offsets))
        f.write(struct.pack("<%dI" % V, *[df[vocab[i]] for i in order]))
        f.write(quantized.tobytes())
        f.write(bytes(blob))
    log("wrote %s (%d bytes)" % (args.output, os.path.getsize(args.output)), t0)

    lookup = {vocab[i]: k for k, i in enumerate(order)}
    for probe in ("talk", "negoti", "sanction", "wall"):
        if probe in lookup:
            v = quantized[lookup[probe]].astype(np.float32)
            sims = quantized.astype(np.float32) @ v / (127.0 * 127.0)
            best = np.argsort(-sims)[1:6]
            log("%s: %s" % (probe, ", ".join("%s %.2f" % (vocab[order[j]], sims[j]) for j in best)), t0)


if __name__ == "__main__":
    main()
