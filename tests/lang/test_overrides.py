"""The closure of the exceptions as bit masks (``ir.Overrides``) against the sets it replaces.

Generated graphs without cycles (rule ``i`` may name only rules after it, so
that file order and the graph's order differ): the closure read as sets is
the one a walk from each rule finds, ``covers`` agrees with it, and
``beaten`` names for each applicable rule the first applicable rule, in file
order, that overrides it, as the interpreter did with the sets.
"""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from edaran.lang import ir
from edaran.lang.checks.exceptions import _closure


@st.composite
def graphs(draw: st.DrawFn) -> tuple[tuple[str, ...], dict[str, list[str]]]:
    n = draw(st.integers(1, 12))
    ids = tuple(f"butir {i + 1}" for i in range(n))
    edges = {
        ids[i]: [ids[j] for j in draw(st.sets(st.integers(i + 1, n - 1), max_size=3))]
        if i + 1 < n
        else []
        for i in range(n)
    }
    return ids, edges


def _walk(edges: dict[str, list[str]], start: str) -> frozenset[str]:
    reached: set[str] = set()
    todo = list(edges[start])
    while todo:
        node = todo.pop()
        if node not in reached:
            reached.add(node)
            todo.extend(edges[node])
    return frozenset(reached)


@settings(max_examples=300)
@given(graphs(), st.data())
def test_the_masks_say_what_the_sets_said(
    graph: tuple[tuple[str, ...], dict[str, list[str]]], data: st.DataObject
) -> None:
    ids, edges = graph
    closure = _closure(ids, edges)
    sets = {rule: _walk(edges, rule) for rule in ids}
    assert dict(closure) == sets
    for winner in ids:
        for loser in ids:
            assert closure.covers(winner, loser) == (loser in sets[winner])
    assert not closure.covers(ids[0], "butir 99")
    applicable = [r for r in ids if data.draw(st.booleans())]
    expected: dict[str, str] = {}
    for winner in applicable:
        for loser in sorted(sets[winner], key=ids.index):
            if loser in applicable:
                expected.setdefault(loser, winner)
    assert closure.beaten(applicable) == expected
    assert pickle.loads(pickle.dumps(closure)) == closure  # Spark ships programs to workers


def test_a_chain_of_exceptions_keeps_one_mask_per_rule() -> None:
    ids = tuple(f"butir {i + 1}" for i in range(2000))
    edges = {ids[i]: [ids[i - 1]] if i else [] for i in range(len(ids))}
    closure = _closure(ids, edges)
    assert len(closure[ids[-1]]) == 1999
    assert closure.covers(ids[-1], ids[0]) and not closure.covers(ids[0], ids[-1])
    assert closure.beaten([ids[0], ids[5], ids[-1]]) == {ids[0]: ids[5], ids[5]: ids[-1]}
    assert ir.Overrides.from_sets(ids[:3], {ids[2]: frozenset(ids[:2])}).covers(ids[2], ids[0])
