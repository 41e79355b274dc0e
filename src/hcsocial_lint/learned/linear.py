"""A logistic-regression scorer over hashed features, its weights read from the package.

The weights are package data (``learned/weights/<family>.npz``, written by ``tools/train_scorer.py``):
only the buckets that training saw are stored, as sorted indices and float16 weights. They are read
with ``importlib.resources`` the first time a scorer runs, never from the network nor from anywhere
outside the installed package. ``weights/card.json`` records how each was trained, its threshold and
the SHA-256 of its weights file (so that the result cache, which hashes the package's ``.json`` files,
sees new weights as a new key).
"""

from __future__ import annotations

import hashlib
import io
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .features import Feature

WEIGHTS = "weights"


@dataclass(frozen=True)
class Scored:
    """A post's score and the features that pushed it up, strongest first."""

    score: float
    reasons: tuple[tuple[Feature, float], ...]


@dataclass(frozen=True, eq=False)
class LinearScorer:
    family: str
    weights: dict[int, float]
    bias: float
    threshold: float
    card: dict[str, Any]

    def logit(self, found: list[Feature]) -> tuple[float, list[tuple[Feature, float]]]:
        scale = 1.0 / math.sqrt(len(found)) if found else 0.0
        parts = [(f, self.weights.get(f.index, 0.0) * scale) for f in found]
        return self.bias + sum(p for _, p in parts), parts

    def score(self, found: list[Feature]) -> Scored:
        logit, parts = self.logit(found)
        reasons = tuple(sorted((p for p in parts if p[1] > 0), key=lambda p: (-p[1], p[0].name)))
        return Scored(1.0 / (1.0 + math.exp(-max(min(logit, 40.0), -40.0))), reasons)


def _package_file(name: str) -> bytes:
    return resources.files(__package__).joinpath(WEIGHTS, name).read_bytes()


@lru_cache(maxsize=1)
def model_card() -> dict[str, Any]:
    return json.loads(_package_file("card.json").decode("utf-8"))


@lru_cache(maxsize=8)
def load_scorer(family: str) -> LinearScorer:
    """The family's scorer, read once per process from the package."""
    import numpy as np

    card = model_card()["families"][family]
    raw = _package_file(card["file"])
    if hashlib.sha256(raw).hexdigest() != card["sha256"]:
        raise ValueError(f"learned scorer weights for {family!r} do not match their card (retrain them)")
    with np.load(io.BytesIO(raw), allow_pickle=False) as data:
        indices = data["indices"].astype(np.int64).tolist()
        weights = data["weights"].astype(np.float64).tolist()
    return LinearScorer(family, dict(zip(indices, weights)), float(card["bias"]), float(card["threshold"]), card)
