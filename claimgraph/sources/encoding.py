"""Decoding input bytes: UTF-8 first, a legacy encoding only on strong evidence, binary refused, nothing silent.

The rules, in order:

1. empty input, and known binary formats (PNG, PDF, ZIP …), are refused;
2. a byte-order mark decides: UTF-8, UTF-16 or UTF-32 (content that does not decode under its mark is binary);
3. NUL bytes without a byte-order mark are binary (or UTF-16 without its mark: the message says so);
4. valid UTF-8 is UTF-8;
5. UTF-8 with a few damaged bytes (at least one valid multi-byte sequence, and at most one damaged sequence in
   ten, e.g. a character cut at the end of the file) is UTF-8: the damaged bytes become U+FFFD, with a warning;
6. otherwise a single-byte legacy encoding is used only when the text it gives reads like prose (letters and
   common punctuation, no symbols inside words, no capitals inside lower-case words, no mixed scripts in a
   word): cp1252 (Western European, which covers latin-1), then cp1250 (Central European), then cp1251
   (Cyrillic), with a warning naming it. Mac Roman and other encodings are never guessed;
7. anything else is refused as binary or text in an encoding claimgraph does not guess.

>>> decode_bytes("café – 5 €".encode("cp1252"), "x.txt")
Decoded(text='café – 5 €', encoding='cp1252', warnings=('x.txt: not UTF-8; read as cp1252 (Western European)',))
>>> decode_bytes("caf\\u00e9 \\u2014".encode("utf-8")[:-1], "y.txt")  # a dash cut at the end
Decoded(text='café \\ufffd', encoding='utf-8', warnings=('y.txt: not valid UTF-8 (1 damaged byte sequence at its end, \
replaced with \\ufffd); read as UTF-8',))
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from claimgraph.errors import InputError

_SIGNATURES: list[tuple[bytes, str]] = [
    (b"\x89PNG", "a PNG image"), (b"%PDF", "a PDF document"), (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a ZIP archive (or Office file)"),
    (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "an executable"),
]
_BOMS: list[tuple[bytes, str]] = [
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
]
_VALID_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}")
LEGACY = (("cp1252", "Western European"), ("cp1250", "Central European"), ("cp1251", "Cyrillic"))
# Non-letters that legacy prose holds; any other symbol (¤ ¦ ¨ ¬ ¯ ´ ¸ ¹ ² ³, controls) is evidence against.
_PROSE_SYMBOLS = set("\u00a0–—‘’‚“”„•…€£¥¢©®°±×÷§¶·«»¡¿†‡‰™½¼¾ºª")
_IN_WORD_OK = set("’·")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the encoding used and any warnings (damaged bytes, a legacy encoding)."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes, source: str) -> Decoded:
    """Decode ``data`` by the rules of this module.

    :raises InputError: for empty or binary input, or text in an encoding that is not guessed.
    """
    if not data.strip():
        raise InputError(f"{source}: file is empty; nothing to ingest")
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            raise InputError(f"{source}: this is {what}, not text; convert it to .txt or .html first")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _with_bom(data, source, codec)
    if b"\x00" in data:
        raise InputError(_nul_message(data, source))
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"), source)
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data, source)
    if mostly is not None:
        return _checked(mostly, source)
    for codec, name in LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if reads_like_prose(text, cyrillic=codec == "cp1251"):
            return _checked(Decoded(text, codec, (f"{source}: not UTF-8; read as {codec} ({name})",)), source)
    raise InputError(f"{source}: binary, or text in an encoding claimgraph does not guess (not UTF-8, cp1252, "
                     "cp1250 or cp1251); if it is text, re-save it as UTF-8")


def _with_bom(data: bytes, source: str, codec: str) -> Decoded:
    if codec == "utf-8-sig":
        try:
            return _checked(Decoded(data.decode(codec), "utf-8"), source)
        except UnicodeDecodeError:
            mostly = _mostly_utf8(data[3:], source)
            if mostly is not None:
                return _checked(mostly, source)
            raise InputError(f"{source}: binary content (not UTF-8 after a UTF-8 byte-order mark); "
                             "give a text, HTML or JSON file") from None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise InputError(f"{source}: binary content (not {codec.upper()} after a {codec.upper()} byte-order mark); "
                         "give a text, HTML or JSON file") from None
    if not text.strip():
        raise InputError(f"{source}: file is empty; nothing to ingest")
    return _checked(Decoded(text, codec), source)


def _nul_message(data: bytes, source: str) -> str:
    head = data[:4096]
    if len(head) >= 8 and (head[1::2].count(0) > 0.4 * len(head) / 2 or head[0::2].count(0) > 0.4 * len(head) / 2):
        return f"{source}: looks like UTF-16 text without a byte-order mark; re-save it as UTF-8"
    return f"{source}: binary content (NUL bytes); give a text, HTML or JSON file"


def _mostly_utf8(data: bytes, source: str) -> Decoded | None:
    """UTF-8 with a few damaged sequences (a cut character, a stray byte), or None without that evidence."""
    valid = len(_VALID_MULTIBYTE.findall(data))
    if valid == 0:
        return None
    text = data.decode("utf-8", "replace")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode())
    if damaged > max(1, valid // 10):
        return None
    where = " at its end" if data[-4:].decode("utf-8", "replace").endswith("\ufffd") and damaged == 1 else ""
    warning = (f"{source}: not valid UTF-8 ({damaged} damaged byte sequence{'s' if damaged > 1 else ''}{where}, "
               "replaced with \ufffd); read as UTF-8")
    return Decoded(text, "utf-8", (warning,))


def _checked(decoded: Decoded, source: str) -> Decoded:
    """Refuse decoded text that is blank, or mostly controls, unassigned or private-use code points."""
    if not decoded.text.strip():
        raise InputError(f"{source}: file is empty (only white space); nothing to ingest")
    sample = decoded.text[:20000]
    odd = _odd_count(sample)
    if odd > 8 and odd * 100 > len(sample):
        raise InputError(f"{source}: binary content ({odd} control or unassigned characters); "
                         "give a text, HTML or JSON file")
    return decoded


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # what _odd calls odd below U+0300
_ABOVE_SPACING = re.compile(r"[^\x00-\u02ff]")


def _odd_count(sample: str) -> int:
    """How many characters of ``sample`` are :func:`_odd`: the same count, with a regular expression for the
    controls and a category look-up per distinct character from U+0300 (a Python loop over every character
    was most of the time it took to read an article).

    >>> _odd_count("tab\\there, bell\\x07, private use \\ue000, caf\\u00e9")
    2
    """
    odd = len(_CONTROL.findall(sample))
    high = _ABOVE_SPACING.findall(sample)
    if high:
        odd += sum(n for ch, n in Counter(high).items() if unicodedata.category(ch) in ("Cn", "Co", "Cs"))
    return odd


def _odd(ch: str) -> bool:
    if ch in "\t\n\r\f":
        return False
    o = ord(ch)
    if o < 32 or 0x7F <= o < 0xA0:
        return True
    return o > 0x2FF and unicodedata.category(ch) in ("Cn", "Co", "Cs")


def reads_like_prose(text: str, *, cyrillic: bool = False) -> bool:
    """Whether legacy-decoded ``text`` reads like prose (see rule 6 of the module docstring).

    >>> reads_like_prose("Soci\\u00e9t\\u00e9 G\\u00e9n\\u00e9rale \\u2013 5 \\u20ac")
    True
    >>> reads_like_prose("Les r\\u017dsultats \\u00d2bons\\u00d3")  # Mac Roman read as cp1252
    False
    """
    nonascii = letters = plain = anomalies = cyr = 0
    prev = " "
    n = len(text)
    for i, ch in enumerate(text):
        o = ord(ch)
        if o < 128:
            if o < 32 and ch not in "\t\n\r\f":
                return False
            if ch.isalpha():
                letters += 1
                plain += 1
            prev = ch
            continue
        nonascii += 1
        nxt = text[i + 1] if i + 1 < n else " "
        if ch.isalpha():
            letters += 1
            is_cyr = "CYRILLIC" in unicodedata.name(ch, "")
            cyr += is_cyr
            if ch.isupper() and prev.isalpha() and prev.islower():
                anomalies += 1  # a capital inside a lower-case word: rŽsultats
            elif prev.isalpha() and prev.isascii() and is_cyr:
                anomalies += 1  # Latin and Cyrillic letters in one word
        elif ch in _PROSE_SYMBOLS:
            if prev.isalpha() and nxt.isalpha() and ch not in _IN_WORD_OK:
                anomalies += 1  # a symbol inside a word: wi³kszy
        else:
            return False
        prev = ch
    if nonascii == 0:
        return True
    if anomalies > nonascii // 20:
        return False
    foreign = letters - plain
    if cyrillic:
        return foreign > 0 and cyr * 10 >= foreign * 9
    return cyr == 0 and foreign * 10 <= max(letters, 1) * 4
