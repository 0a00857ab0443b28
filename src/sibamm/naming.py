"""Translate between sibamm's electrode-neutral names and PyBaMM's slot names.

PyBaMM puts the working electrode of a half cell in the *positive* slot, while a
full cell has Si as the *negative* electrode. sibamm's users never see the slots:
parameters and variables are named "Si ..." (the Si electrode) and "Counter
electrode ..." (Li metal or Li-In in a half cell), and "Positive ..." only ever
means the cathode of a full cell.
"""

from __future__ import annotations

import re

HALF, FULL = "half", "full"


def _slot(cell_type: str) -> str:
    return "Positive" if cell_type == HALF else "Negative"


#: what may follow the Si slot: the electrode's parts and its own Li-inventory lines
_PARTS = r"(electrode|particle|current collector|SEI|Li2S|AlCl3)"
_SI = re.compile(rf"(^|(?<= ))Si(?= {_PARTS}\b)")


def to_pybamm(name: str, cell_type: str) -> str:
    """Map a sibamm name ("Si particle radius [m]") to its PyBaMM slot name."""
    slot = _slot(cell_type)
    out = _SI.sub(lambda m: slot if m.start() == 0 else slot.lower(), name)
    if cell_type == HALF and out.startswith("Counter electrode"):
        out = "Negative electrode" + out[len("Counter electrode") :]
    return out


def to_sibamm(name: str, cell_type: str) -> str:
    """Map a PyBaMM slot name to sibamm's name (inverse of :func:`to_pybamm`)."""
    slot = _slot(cell_type)
    if cell_type == HALF and name.startswith("Negative electrode"):
        return "Counter electrode" + name[len("Negative electrode") :]
    pattern = rf"(^{slot}|(?<= ){slot.lower()})(?= {_PARTS}\b)"
    return re.sub(pattern, "Si", name)


def si_aliases(variables: dict, cell_type: str) -> dict:
    """Return "Si ..." aliases for every model variable of the Si electrode slot."""
    slot = _slot(cell_type)
    aliases = {}
    for name, symbol in variables.items():
        if slot in name or slot.lower() in name or (cell_type == HALF and "Negative" in name):
            alias = to_sibamm(name, cell_type)
            if alias != name and alias not in variables:
                aliases[alias] = symbol
    return aliases
