"""JSON and JSONL records: where each one starts, and every known field checked by type.

A bad record is reported as ``FILE:LINE: reason`` and skipped; the records around it are read. Field rules:

* ``text``, ``body``, ``content``, ``article``, ``html``, ``title``, the dates (``published``, ``date``,
  ``datePublished``, ``published_at``), ``url``/``link`` and ``language``/``lang`` must be strings;
* ``author``/``authors``: a string, an object with a ``name``, or a list of those (other keys of an object are
  ignored, never taken for names);
* ``publisher``/``site_name``/``sitename``/``source``: a string or an object with a ``name``;
* ``id``: a string or an integer.

``null`` counts as absent. Unknown fields are ignored.

>>> normalise_record({"title": "T", "authors": {"name": "X", "evil": 1}, "publisher": {"name": "Wire"}})
{'title': 'T', 'authors': ['X'], 'publisher': 'Wire'}
>>> normalise_record({"authors": 5})
Traceback (most recent call last):
claimgraph.errors.InputError: 'authors' must be a string, an object with a "name" or a list of those, not a number
>>> [(line, r) for line, r in json_records('[\\n {"a": 1},\\n {"b": 2}\\n]', "x.json")]
[(2, {'a': 1}), (3, {'b': 2})]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from claimgraph.errors import InputError

STRING_FIELDS = ("text", "body", "content", "article", "html", "title", "published", "date", "datePublished",
                 "published_at", "publishedAt", "pubDate", "publication_date", "published_date", "url", "link",
                 "language", "lang", "description", "summary")
NAMED_FIELDS = ("publisher", "site_name", "sitename", "source")
AUTHOR_FIELDS = ("author", "authors")


def _what(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, str):
        return "a string"
    return type(value).__name__


def _name(value: Any, key: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return str(value["name"])
    if isinstance(value, dict):
        raise InputError(f"'{key}' objects need a \"name\" string")
    raise InputError(f"'{key}' must be a string or an object with a \"name\", not {_what(value)}")


def _names(value: Any, key: str) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if not isinstance(item, (str, dict)):
            raise InputError(f"'{key}' must be a string, an object with a \"name\" or a list of those, "
                             f"not {_what(value) if value is item else 'a list holding ' + _what(item)}")
        name = _name(item, key).strip()
        if name:
            out.append(name)
    return out


def normalise_record(record: Any) -> dict[str, Any]:
    """``record`` with its known fields checked by type, and authors and publisher as plain strings.

    :raises InputError: naming the first field of the wrong type (the message has no file or line).
    """
    if not isinstance(record, dict):
        raise InputError(f"a record must be a JSON object, not {_what(record)}")
    out = dict(record)
    for key in STRING_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"'{key}' must be a string, not {_what(value)}")
    for key in NAMED_FIELDS:
        if record.get(key) is not None:
            out[key] = _name(record[key], key)
    for key in AUTHOR_FIELDS:
        if record.get(key) is not None:
            out[key] = _names(record[key], key)
    rid = record.get("id")
    if rid is not None and (isinstance(rid, bool) or not isinstance(rid, (str, int))):
        raise InputError(f"'id' must be a string or an integer, not {_what(rid)}")
    return out


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def json_records(text: str, label: str) -> Iterator[tuple[int, Any]]:
    """The records of a JSON file (one object, or a list) with the line each starts on.

    A syntax error inside a list ends the list: the records before it are yielded, then an :class:`InputError`
    (as the item) for the line of the error.

    :raises InputError: when the file is not JSON at all.
    """
    start = _skip_space(text, 0)
    if not text.startswith("[", start):
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise InputError(f"{label}: invalid JSON at line {getattr(exc, 'lineno', '?')}: "
                             f"{getattr(exc, 'msg', exc)}; fix the file") from None
        if (inner := _envelope_list(text, data)) is not None:
            yield from _list_records(text, inner, inner=True)
            return
        yield _line(text, start), data
        return
    yield from _list_records(text, start)


# the keys under which a news API's response holds its articles ({"status": "ok", "articles": [...]})
_ENVELOPE_KEYS = ("articles", "items", "results", "data", "docs", "documents", "records", "stories", "entries",
                  "news", "value", "hits")
_TEXT_KEYS = ("text", "body", "content", "article", "html")


def _envelope_list(text: str, data: Any) -> int | None:
    """Where the list of records starts in ``text`` when ``data`` is an API response wrapping them (NewsAPI's
    ``articles``, a search engine's ``hits.hits``), else None: a record of its own has a text field.

    >>> t = '{"status": "ok", "articles": [{"title": "A", "content": "x"}]}'
    >>> [r["title"] for _, r in _list_records(t, _envelope_list(t, json.loads(t)), inner=True)]
    ['A']
    """
    if not isinstance(data, dict) or any(isinstance(data.get(k), str) for k in _TEXT_KEYS):
        return None
    for key in _ENVELOPE_KEYS:
        value = data.get(key)
        if isinstance(value, dict) and key == "hits":  # ({"hits": {"total": 2, "hits": [...]}})
            value = value.get("hits")
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            found = None
            for m in re.finditer(rf'"{key}"\s*:\s*\[', text):
                found = m.end() - 1  # (the last one: an inner "hits" list comes after its outer "hits" key)
            return found
    return None


def _list_records(text: str, start: int, *, inner: bool = False) -> Iterator[tuple[int, Any]]:
    """The records of the JSON list opening at ``start`` (see :func:`json_records`); an ``inner`` list (inside an
    API's response) ends at its closing bracket, a file's list at the end of the file."""
    decoder = json.JSONDecoder()
    pos = _skip_space(text, start + 1)
    if text.startswith("]", pos):
        return
    while True:
        try:
            record, end = decoder.raw_decode(text, pos)
        except ValueError as exc:
            at = getattr(exc, "pos", pos)
            yield _line(text, at), InputError(f"invalid JSON ({getattr(exc, 'msg', exc)}); the rest of the file "
                                              "was not read; fix the file")
            return
        # (a search engine's hit holds the record under "_source")
        yield _line(text, pos), record["_source"] if isinstance(record, dict) \
            and isinstance(record.get("_source"), dict) else record
        pos = _skip_space(text, end)
        if text.startswith(",", pos):
            pos = _skip_space(text, pos + 1)
            continue
        if text.startswith("]", pos) and (inner or not text[pos + 1:].strip()):
            return
        yield _line(text, pos), InputError("invalid JSON (expected ',' or the closing ']'); the rest of the file "
                                           "was not read; fix the file")
        return


def jsonl_lines(text: str) -> Iterator[tuple[int, str]]:
    """Non-blank lines of a JSONL text with their numbers (split on newlines only: JSON strings may hold U+2028).

    >>> list(jsonl_lines('{"a": "x\\u2028y"}\\n\\n{}\\r\\n'))
    [(1, '{"a": "x\\u2028y"}'), (3, '{}')]
    """
    for n, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if line.strip():
            yield n, line
