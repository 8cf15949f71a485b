"""``json.dumps(data, ensure_ascii=False, indent=n)``, byte for byte, in about half the time.

With an indent the standard library encodes in Python, through a generator
per nested value; its C encoder serves compact output only. The report is
mostly small dicts of strings and numbers, so this writer appends to one
list and leaves each string to the C string encoder. It takes what the
JSON renderers build (dicts with string keys, lists, tuples, strings,
ints, finite floats, booleans and None) and hands anything else to
``json.dumps``; tests/test_fast_paths.py checks it against ``json.dumps``.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C one where CPython has it
from math import isfinite
from types import GeneratorType
from typing import Any, Iterator

_FLOAT = float.__repr__
_INT = int.__repr__
# A list's pieces are joined into one string whenever this many have gathered:
# a report of 1 MB a side is some two million pieces, 60 bytes each as objects.
CHUNK = 20_000


def dumps_indented(data: Any, indent: int) -> str:
    out: list[str] = []
    try:
        _write(data, out, "\n", " " * indent)
    except _Unusual:
        return json.dumps(data, ensure_ascii=False, indent=indent)
    return "".join(out)


def iter_indented(data: dict[str, Any], indent: int) -> Iterator[str]:
    """``dumps_indented(data, indent)`` in pieces, so a long report is written as it is made.

    ``data`` is a dict; a value of it may be a generator, written as the list
    it would give, so its items need never all exist at once (the
    alignments of a long report). A piece is yielded whenever CHUNK parts
    have gathered; an item this writer leaves to ``json.dumps`` is handed
    over alone, so nothing already yielded changes (tests/test_streaming.py).
    """
    if not data:
        yield "{}"
        return
    step = " " * indent
    inner = "\n" + step
    out: list[str] = []
    sep = "{" + inner
    for key, value in data.items():
        out.append(sep + encode_basestring(key) + ": ")
        sep = "," + inner
        if type(value) is not GeneratorType:
            _write_or_dump(value, out, inner, step)
            continue
        item_sep = "[" + inner + step
        for item in value:
            out.append(item_sep)
            item_sep = "," + inner + step
            _write_or_dump(item, out, inner + step, step)
            if len(out) > CHUNK:
                yield "".join(out)
                out.clear()
        out.append("[]" if item_sep[0] == "[" else inner + "]")
    out.append("\n}")
    yield "".join(out)


def _write_or_dump(value: Any, out: list[str], newline: str, step: str) -> None:
    """``value`` written at the depth ``newline`` indents to, by this writer or else by json.dumps."""
    mark = len(out)
    try:
        _write(value, out, newline, step)
    except _Unusual:
        del out[mark:]
        out.append(json.dumps(value, ensure_ascii=False, indent=len(step)).replace("\n", newline))


class _Unusual(Exception):
    """A value this writer leaves to json.dumps (NaN, a subclass, a non-string key...)."""


def _write(value: Any, out: list[str], newline: str, step: str) -> None:
    t = type(value)
    if t is str:
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif t is int:
        out.append(_INT(value))
    elif t is float:
        if not isfinite(value):
            raise _Unusual
        out.append(_FLOAT(value))
    elif t is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + step
        sep = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            out.append(sep)
            out.append(encode_basestring(key))
            out.append(": ")
            _write(item, out, inner, step)
            sep = "," + inner
        out.append(newline + "}")
    elif t is list or t is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + step
        sep = "[" + inner
        start = len(out)
        for item in value:
            out.append(sep)
            _write(item, out, inner, step)
            sep = "," + inner
            if len(out) - start > CHUNK:
                out[start:] = ["".join(out[start:])]
                start = len(out)
        out.append(newline + "]")
    else:
        raise _Unusual
