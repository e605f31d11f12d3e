"""Write generations: how the RDF store, its claim index and its stored analysis stay in step.

Every command that writes (``ingest``, ``import-claims``, ``update``, ``analyse``, ``reindex``) is one
*generation* n, committed in this order:

1. ``begin``: one atomic update replacing the ``cgid:graph/generations`` graph with
   ``cgid:generation/n cg:generation n ; prov:startedAtTime …``, before any data;
2. the claims, in transactions of whole articles (as before);
3. the analysis of the companies the claims touch: their analysis graphs dropped and rewritten;
4. one DuckDB transaction: the new index rows, the stored analysis and ``generation = n``;
5. ``commit``: one atomic write of ``cgid:generation/n prov:endedAtTime …``.

Step 4 writes a new index file beside the published one and renames it into place
(:func:`claimgraph.graph.index.publish`), so the index is always whole: that of the generation it names.

A reader compares the store's newest generation with the index's. Equal: the index and the stored analysis
are exactly those of the RDF. The index behind, or missing: it is stale (:class:`IndexUnavailableError`;
the read commands answer from the RDF with a note, and ``claimgraph reindex`` rebuilds it). A generation
begun and not committed is a write in progress, or one killed (kill -9, power loss): readers answer from
the last committed state and say so; the next writer, holding the store lock, sees that no writer is alive
and rebuilds the index and the analysis from the RDF before writing. While a writer holds the store's
``.writing`` marker, readers do not open the RDF at all and read the published index
(:class:`claimgraph.graph.store.OxigraphStore`).

>>> from claimgraph.graph.store import open_store
>>> store = open_store("memory")
>>> state(store).generation, begin(store), state(store).committed
(0, 1, False)
>>> commit(store, 1); state(store).committed
True
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimgraph.errors import IndexUnavailableError, StoreBusyError
from claimgraph.graph.index import ClaimIndex, index_path_for, open_index
from claimgraph.graph.namespaces import CG, ID, PROV, XSD
from claimgraph.graph.store import Store
from claimgraph.queries import load_query

if TYPE_CHECKING:  # rdflib is imported by the writers only: a reader checks the generation without it
    from rdflib import Literal

GENERATIONS_GRAPH = f"{ID}graph/generations"  # the graph of the generation marks


@dataclass(frozen=True, slots=True)
class State:
    """The newest generation of a store: its number (0 for none), when it started, and whether it finished."""

    generation: int
    committed: bool
    started: str | None = None


def state(store: Store) -> State:
    """The store's newest generation."""
    rows = list(store.select(load_query("store-generation").text))
    if not rows:
        return State(0, True)
    r = rows[0]
    return State(int(r["generation"]), r.get("ended") is not None, _iso(r.get("started")))


def _iso(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.datetime | dt.date) else str(value)


def _now() -> Literal:
    from rdflib import Literal

    return Literal(dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(), datatype=XSD.dateTime)


def begin(store: Store) -> int:
    """Start generation n = newest + 1 (one atomic write) and return n."""
    from rdflib import Literal

    n = state(store).generation + 1
    g, graph = ID[f"generation/{n}"].n3(), f"<{GENERATIONS_GRAPH}>"
    # one update, one transaction: the older generation's marks go, the new one's come
    store.update(f"DELETE WHERE {{ GRAPH {graph} {{ ?g ?p ?o }} }} ; INSERT DATA {{ GRAPH {graph} {{ "
                 f"{g} {CG.generation.n3()} {Literal(n, datatype=XSD.integer).n3()} ; "
                 f"{PROV.startedAtTime.n3()} {_now().n3()} }} }}")
    return n


def commit(store: Store, n: int) -> None:
    """Mark generation ``n`` finished (one atomic write)."""
    store.add([(ID[f"generation/{n}"], PROV.endedAtTime, _now(), ID["graph/generations"])])


def stale_reason(store: Store, ix: ClaimIndex) -> str | None:
    """Why the index does not reflect the store (None: it does)."""
    st = state(store)
    if ix.generation == st.generation and st.committed:
        return None
    if st.generation == 0 and ix.generation <= 0:
        if ix.count() == 0 and store.ask("ASK { ?c a schema:Claim }"):
            return "the store was written before it had a claim index"
        return None
    if not st.committed and ix.generation == st.generation - 1:
        return (f"write generation {st.generation} (started {st.started}) did not finish (it is still running, "
                "or was interrupted)")
    if ix.generation < 0 and ix.path is None:
        return "the claim index is missing"
    return f"the claim index is at generation {ix.generation}, the store at {st.generation}"


def open_reader(store: Store, *, note: Callable[[str], None] | None = None) -> ClaimIndex:
    """The index of ``store`` for a command that only reads; checks that it reflects the store.

    While a writer changes the store (``store.busy``), the published index answers: the last complete
    generation, with a note.

    :raises IndexUnavailableError: when the index is missing or out of date (run ``claimgraph reindex``);
    :raises StoreBusyError: when a writer changes the store and there is no index to answer from.
    """
    say = note or (lambda m: print(m, file=sys.stderr))
    if getattr(store, "busy", False):
        return _while_writing(store, say)
    path = index_path_for(store)
    if path is not None and not os.path.exists(path):
        st = state(store)
        if st.generation == 0 and not store.ask("ASK { ?c a schema:Claim }"):
            return ClaimIndex.memory()  # a new, empty store: nothing to index yet
        raise IndexUnavailableError(f"the claim index {path} is missing; run 'claimgraph reindex' to build it "
                                    "from the store")
    ix = open_index(store, read_only=True)
    try:
        st = state(store)
        if ix.generation > st.generation and hasattr(store, "refresh"):
            # a writer published a newer index since the store was opened: look at the store again
            store.refresh()
            if getattr(store, "busy", False):
                say(_writing_note(ix))
                return ix
            st = state(store)
        if ix.generation == st.generation:  # the index is published whole, after the generation's RDF
            return ix
        if st.generation == 0 and ix.generation <= 0 and not store.ask("ASK { ?c a schema:Claim }"):
            return ix
        if not st.committed and ix.generation == st.generation - 1:
            say(f"note: write generation {st.generation} (started {st.started}) has not finished; showing the "
                f"store as of generation {ix.generation} (if no write is running, run 'claimgraph reindex')")
            return ix
    except BaseException:
        ix.close()
        raise
    at = max(ix.generation, 0)
    ix.close()
    where = f" ({ix.path})" if ix.path else ""
    raise IndexUnavailableError(f"the claim index{where} is out of date: it is at generation {at}, the store at "
                                f"{st.generation}; run 'claimgraph reindex'")


def _while_writing(store: Store, say: Callable[[str], None]) -> ClaimIndex:
    """The published index of a store a writer is changing (its RDF is not read meanwhile)."""
    path = index_path_for(store)
    busy = getattr(store, "_busy", lambda: "the store is being written; retry or pass --wait")()
    if path is None:
        raise StoreBusyError(busy)
    try:
        ix = ClaimIndex.open(path, read_only=True)
    except IndexUnavailableError:
        raise StoreBusyError(busy) from None  # nothing to answer from but the RDF, which is being written
    say(_writing_note(ix))
    return ix


def _writing_note(ix: ClaimIndex) -> str:
    return (f"note: the store is being written; showing it as of generation {max(ix.generation, 0)}, before that "
            "write (pass --wait to wait for it)")
