"""Scripts and languages: word counts for scripts written without spaces, and a language guess by script.

Chinese, Japanese, Thai, Khmer, Lao and Myanmar text has no spaces between words, so counting words by
spaces calls a long Chinese article "three words". :func:`text_units` counts such text at one word per two
characters. :func:`guess_language` names the language of text in a script that belongs to one language (or
one main language) when the page or record does not say; Latin-script text defaults to English.

>>> guess_language("トレンドマイクロ、公衆無線LANを安全に使うためのアプリ"), guess_language("Revenue rose.")
('ja', 'en')
"""

from __future__ import annotations

import re
from collections import Counter

_NO_SPACES = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    r"\U00020000-\U0002fa1f]")
_SCRIPTS: list[tuple[str, str]] = [
    # (character class, language); kana before Han so that Japanese with kanji is Japanese
    ("\u3040-\u30ff", "ja"), ("\uac00-\ud7af\u1100-\u11ff", "ko"), ("\u4e00-\u9fff\u3400-\u4dbf", "zh"),
    ("\u0600-\u06ff\u0750-\u077f", "ar"), ("\u0e00-\u0e7f", "th"), ("\u0590-\u05ff", "he"),
    ("\u0400-\u04ff", "ru"), ("\u0370-\u03ff", "el"), ("\u0900-\u097f", "hi"), ("\u0980-\u09ff", "bn"),
    ("\u0e80-\u0eff", "lo"), ("\u1780-\u17ff", "km"), ("\u1000-\u109f", "my"), ("\u10a0-\u10ff", "ka"),
    ("\u0530-\u058f", "hy"), ("\u0b80-\u0bff", "ta"),
]
_SCRIPT_RES = [(re.compile(f"[{chars}]"), lang) for chars, lang in _SCRIPTS]


def text_units(text: str) -> int:
    """How many words ``text`` holds, counting scripts written without spaces at one word per two characters.

    >>> text_units("Revenue rose 5%."), text_units("国家卫生健康委依托全国公立医疗卫生机构")
    (3, 10)
    """
    words = 0
    for token in text.split():
        dense = len(_NO_SPACES.findall(token))
        if dense:
            words += (dense + 1) // 2 + (1 if len(token) > dense and _has_letters(token) else 0)
        elif any(ch.isalnum() for ch in token):
            words += 1
    return words


def _has_letters(token: str) -> bool:
    return any(ch.isalnum() and not _NO_SPACES.match(ch) for ch in token)


def guess_language(text: str, default: str = "en") -> str:
    """The language of ``text`` by its script (the first 5,000 characters), or ``default`` for Latin script.

    >>> guess_language("معارضون يسيطرون على مخازن"), guess_language("短缺药品保供稳价")
    ('ar', 'zh')
    """
    sample = text[:5000]
    if sample.isascii():
        return default  # Latin script only: nothing to tell apart by script
    letters = sum(1 for ch in sample if ch.isalpha())
    if not letters:
        return default
    counts: Counter[str] = Counter()
    for pattern, lang in _SCRIPT_RES:
        n = len(pattern.findall(sample))
        if n:
            counts[lang] += n
    if counts.get("ja") and counts["ja"] * 20 >= counts.get("zh", 0):
        counts["ja"] += counts.pop("zh", 0)  # kanji in Japanese text
    if not counts:
        return default
    lang, n = counts.most_common(1)[0]
    return lang if n * 3 >= letters else default
