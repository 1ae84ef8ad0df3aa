# SPDX-License-Identifier: GPL-3.0-or-later
"""The comparison's text analysis, in Python, for the scripts that build the
background model (build-aux/build-comparison-model.py) and the alignment
experiments under bench/alignment/. It mirrors src/comparison/dossier-text-
analysis.c: the stop words and demonyms are read from that file, words are
stemmed by the same Snowball library (libstemmer, through ctypes), so the
keys it produces are the keys the C side looks up."""

import ctypes
import ctypes.util
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
SOURCE = os.path.join(TOP, "src", "comparison", "dossier-text-analysis.c")


def _c_array(text, name):
    m = re.search(r"%s\[\]\s*(?:\[2\])?\s*=\s*\{(.*?)\n\};" % re.escape(name), text, re.S)
    if m is None:
        raise RuntimeError("%s not found in %s" % (name, SOURCE))
    body = re.sub(r"/\*.*?\*/", "", m.group(1), flags=re.S)
    return re.findall(r'"((?:[^"\\]|\\.)*)"', body)


with open(SOURCE, encoding="utf-8") as _f:
    _src = _f.read()
STOP_WORDS = frozenset(_c_array(_src, "stop_words"))
_dem = _c_array(_src, "demonyms")
DEMONYMS = dict(zip(_dem[0::2], _dem[1::2]))


class Stemmer:
    def __init__(self):
        path = ctypes.util.find_library("stemmer") or "libstemmer.so.0d"
        lib = ctypes.CDLL(path)
        lib.sb_stemmer_new.restype = ctypes.c_void_p
        lib.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.sb_stemmer_stem.restype = ctypes.POINTER(ctypes.c_ubyte)
        lib.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.sb_stemmer_length.restype = ctypes.c_int
        lib.sb_stemmer_length.argtypes = [ctypes.c_void_p]
        self.lib = lib
        self.stemmer = lib.sb_stemmer_new(b"english", None)
        self.cache = {}

    def stem(self, folded):
        s = self.cache.get(folded)
        if s is not None:
            return s
        if "." in folded or any(c.isdigit() for c in folded):
            s = folded
        else:
            b = folded.encode("utf-8")
            p = self.lib.sb_stemmer_stem(self.stemmer, b, len(b))
            n = self.lib.sb_stemmer_length(self.stemmer)
            s = ctypes.string_at(p, n).decode("utf-8", "replace")
            s = DEMONYMS.get(s, s)
        if len(self.cache) < 500000:
            self.cache[folded] = s
        return s


# words: letters/digits with inner apostrophes; dotted initialisms ("U.S.")
_WORD = re.compile(r"(?:[^\W_]\.){2,}|[^\W_]+(?:['\u2019][^\W_]+)*")


def fold(word):
    w = word.lower().replace("\u2019", "'")
    if len(w) > 2 and w.endswith("'s"):
        w = w[:-2]
    return w


def is_content(folded):
    return len(folded) >= 2 and any(c.isalpha() for c in folded) and folded not in STOP_WORDS


def tokens(text):
    """(word as written, joined to the previous word, ends with possessive)"""
    out = []
    last_end = None
    for m in _WORD.finditer(text):
        between = text[last_end:m.start()] if last_end is not None else None
        joined = between is not None and all(c.isspace() or c in "-\u2010\u2011" for c in between)
        out.append((m.group(0), joined))
        last_end = m.end()
    return out


def terms(text, stemmer, phrases=True):
    """The paragraph's terms in order: stems of content words and, when
    asked, "stem stem" phrases of two joined content words."""
    words, pairs = [], []
    prev = None
    for word, joined in tokens(text):
        f = fold(word)
        if not is_content(f):
            prev = None
            continue
        s = stemmer.stem(f)
        words.append(s)
        if phrases and prev is not None and joined:
            pairs.append(prev + " " + s)
        possessive = len(f) < len(word.lower().replace("\u2019", "'"))
        prev = None if possessive else s
    return words, pairs
