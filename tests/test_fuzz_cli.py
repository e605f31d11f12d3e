"""The fuzz campaign (``tests/fuzz_cli.py``) at CI size, and property tests of the parts it leans on.

``CLAIMGRAPH_FUZZ_SEEDS`` runs a larger campaign (``1-20``); the default, one seed, takes about 90 s.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.errors import InputError
from claimgraph.sources.encoding import decode_bytes
from claimgraph.sources.records import json_records, normalise_record
from tests.fuzz_cli import _seeds, run_campaign


@pytest.mark.slow
def test_fuzz_campaign_finds_no_traceback_and_loses_nothing() -> None:
    stats = run_campaign(_seeds(os.environ.get("CLAIMGRAPH_FUZZ_SEEDS", "1")))
    print(json.dumps(stats.to_json(), indent=1))
    assert stats.runs > 40 and stats.good_inputs > 100 and stats.bad_inputs > 5
    assert stats.tracebacks == 0, stats.problems
    assert stats.lost == 0, stats.problems
    assert stats.unexpected_exit == 0, stats.problems


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                        max_size=4), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "text", "authors", "author", "publisher", "source", "published",
                                        "url", "id", "language", "html", "other"]), json_values, max_size=6))
def test_records_are_accepted_or_refused_with_a_reason(record: dict[str, object]) -> None:
    try:
        out = normalise_record(record)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    for key in ("authors", "author"):
        if key in out and out[key] is not None:
            assert isinstance(out[key], list) and all(isinstance(a, str) for a in out[key])  # type: ignore[union-attr]
    for key in ("publisher", "source", "title", "text", "url"):
        assert out.get(key) is None or isinstance(out[key], str)


@settings(max_examples=200, deadline=None)
@given(st.lists(json_values, max_size=6))
def test_json_lists_give_every_record_its_line(records: list[object]) -> None:
    text = "[\n" + ",\n".join(json.dumps(r) for r in records) + "\n]\n"
    got = list(json_records(text, "x.json"))
    assert [r for _, r in got] == records
    assert all(isinstance(line, int) and line >= 2 for line, _ in got)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000) | st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_decoding_never_raises_anything_but_input_error(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, "fuzz")
    except InputError as exc:
        assert "fuzz" in str(exc)
        return
    assert decoded.text.strip()
    if decoded.encoding == "utf-8" and not decoded.warnings:
        assert decoded.text == data.decode("utf-8-sig")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_value_survives_n_quads(value: str) -> None:
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    from claimgraph.graph.rdf import _clean, nquads

    text = nquads([(URIRef("urn:s"), URIRef("urn:p"), Literal(value), URIRef("urn:g"))])
    assert text.count("\n") == 1
    (quad,) = ox.parse(text.encode("utf-8"), ox.RdfFormat.N_QUADS)
    assert quad.object.value == _clean(value)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b
                                                          and b not in (b".", b"..")), max_size=8, unique=True))
def test_walking_any_names_reports_or_yields_each_file(tmp_path: Path, names: list[bytes]) -> None:
    from claimgraph.sources.paths import walk_inputs

    folder = tmp_path / os.urandom(4).hex()
    folder.mkdir()
    for name in names:
        with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
            fh.write(b"x")
    items = list(walk_inputs([str(folder)]))
    visible = [n for n in names if not n.startswith(b".") and not n.endswith(b".meta.json")]
    assert len(items) == len(visible)
    for item in items:
        item.label.encode("utf-8")  # every label prints
        assert "\n" not in item.label and item.error is None
