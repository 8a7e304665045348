"""Thai text helpers: a collation key for Thai dictionary order and RTGS romanisation."""

from __future__ import annotations

import re
from functools import lru_cache

# Tone marks and other above/below signs do not decide order except as a last tie-breaker.
_RE_MARKS = re.compile(r"[\u0e47-\u0e4e]")
# A leading vowel (เ แ โ ใ ไ) is written before its consonant but sorts after it.
_RE_LEADING_VOWEL = re.compile(r"([\u0e40-\u0e44])([\u0e01-\u0e2e])")


def thai_sort_key(text: str) -> str:
    """A key whose code-point order is Thai dictionary order (PyThaiNLP's collation rule).

    กระบี่ < เชียงใหม่ < ตาก, where code points alone would put เชียงใหม่ last.
    """
    base = _RE_LEADING_VOWEL.sub(r"\2\1", _RE_MARKS.sub("", text))
    marks = "".join(_RE_MARKS.findall(text))
    return f"{base}\x01{marks}"


@lru_cache(maxsize=4096)
def _romanize_word(word: str) -> str:
    from pythainlp.transliterate import romanize

    return romanize(word, engine="royin")


def romanize_rtgs(text: str) -> str:
    """An RTGS (Royal Institute) romanisation of Thai text, word by word, in title case."""
    from pythainlp.tokenize import word_tokenize

    words = [w for w in word_tokenize(text, engine="newmm", keep_whitespace=False) if w.strip()]
    return " ".join(_romanize_word(w).capitalize() for w in words if _romanize_word(w))
