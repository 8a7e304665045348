"""The scoring arithmetic, pure: the weighted total of one review and the spread across reviewers.

Weighted total = sum(w_i * s_i) / sum(w_i) * 20, so scores 0 to 5 on any weights give 0 to 100;
Decimal throughout, rounded half up to 2 places (the rounding a committee does by hand).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

MAX_SCORE = 5
# two reviewers whose scores on one criterion differ by more than this discuss it
DISAGREEMENT = 2
CENT = Decimal("0.01")


def weighted_total(scores: Iterable[tuple[Decimal, int]]) -> Decimal:
    """The 0 to 100 total of (weight, score) pairs, rounded half up to 2 places."""
    pairs = [(Decimal(weight), Decimal(score)) for weight, score in scores]
    weights = sum((weight for weight, _ in pairs), Decimal(0))
    if not weights:
        raise ValueError("no weighted criterion to score")
    weighted = sum((weight * score for weight, score in pairs), Decimal(0))
    return (weighted / weights * 100 / MAX_SCORE).quantize(CENT, rounding=ROUND_HALF_UP)


def mean(values: Iterable[Decimal]) -> Decimal | None:
    """The mean rounded half up to 2 places, or None with no values."""
    values = list(values)
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(CENT, rounding=ROUND_HALF_UP)


def disagrees(scores: Iterable[int]) -> bool:
    """Whether the reviewers' scores on one criterion are more than DISAGREEMENT points apart."""
    scores = list(scores)
    return bool(scores) and max(scores) - min(scores) > DISAGREEMENT
