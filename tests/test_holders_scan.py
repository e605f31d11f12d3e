"""``companies._holders`` finds what ``_HOLDER.finditer`` finds (spans and groups), on random text built from the
pieces its matches are made of."""

from __future__ import annotations

import random

from claimgraph.sources.companies import _HOLDER, _holders

_PIECES = ["Acme", "Beta Corp", "and", "said", "that", "has", "had", "made", "ended 1987 with", "sales", "revenue",
           "of", "5", ".", ";", ":", ",", "\n", " ", " ", " ", "\t", "the", "In", "profit", "operating", "assets", "x"]


def test_holders_equal_finditer() -> None:
    rng = random.Random(7)
    texts = ["", "Acme has sales", "Acme had revenue of 5. Later, Beta Corp had profit",
             "said Acme had sales", "\nAcme made sales"]
    texts += ["".join(rng.choice(_PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(1, 40)))
              for _ in range(3000)]
    for text in texts:
        want = [(m.span(), m.groups()) for m in _HOLDER.finditer(text)]
        assert [(m.span(), m.groups()) for m in _holders(text)] == want, text
    assert sum(1 for t in texts if list(_HOLDER.finditer(t))) > 20  # the pieces make matches (33 of them)
