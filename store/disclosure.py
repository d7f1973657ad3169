"""Small-count suppression for every themes figure: counted in people, and safe from subtraction.

Themes are health data in aggregate. A figure made up of fewer than `K` (5) different people could
point at someone, so it is not shown: counting people rather than posts means one person's five
posts stay hidden. Where a table has a total (the distress levels of a day add up to the posts
classified that day), hiding one small cell is not enough: total minus the shown cells gives it
back. `hidden_cells` hides further cells until whatever can be derived is a group of at least K
people. The live queries (store/queries.py) and the stored snapshots (pipelines/themes.py) both
use these functions, so the two views of one day follow one rule.
"""

from __future__ import annotations

from typing import Any, Mapping

K = 5


def suppress(count: int, people: int, k: int = K) -> int | None:
    """A count as published: shown when zero or when at least k different people make it up."""
    return count if count == 0 or people >= k else None


def hidden_cells(people: Mapping[Any, set], k: int = K) -> set:
    """The cells of a table with a shown total to hide, from each cell's set of people.

    First every cell of 1 to k-1 people; then, while the hidden cells together hold fewer than k
    people (their sum is total minus the shown cells), the smallest shown non-empty cell too.
    """
    hidden = {cell for cell, who in people.items() if 0 < len(who) < k}
    while hidden and len(set().union(*(people[c] for c in hidden))) < k:
        shown = [c for c in people if c not in hidden and people[c]]
        if not shown:
            break
        hidden.add(min(shown, key=lambda c: (len(people[c]), str(c))))
    return hidden
