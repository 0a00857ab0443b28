"""Parameter values that carry their provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("reported", "literature", "fitted", "assumed", "derived")


@dataclass(frozen=True)
class Value:
    """A parameter value and where it came from.

    ``kind`` is one of :data:`KINDS`; ``source`` says where: the SCIENCE.md source
    key and place (reported), a reference (literature), the fit's targets and date
    (fitted), the reason (assumed) or the formula (derived). A fitted value may also carry
    ``targets``: the fit's targets as data (name, value, unit, source), as written by ``sibamm fit``.
    """

    value: Any
    kind: str
    source: str
    targets: tuple = field(default=(), compare=False)

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"provenance kind {self.kind!r} not in {KINDS}")

    def describe(self) -> str:
        return f"{self.kind}: {self.source}"


def reported(value, where):
    return Value(value, "reported", where)


def literature(value, reference):
    return Value(value, "literature", reference)


def fitted(value, targets, date):
    return Value(value, "fitted", f"{targets} ({date})")


def assumed(value, why):
    return Value(value, "assumed", why)


def derived(value, how):
    return Value(value, "derived", how)
