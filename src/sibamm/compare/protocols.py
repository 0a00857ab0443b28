"""Short protocols for comparing designs: formation, a rate check and a cycling tail.

``screen`` (default): one formation cycle at 0.1C (ICE, reversible capacity, energy), one
symmetric cycle at 1C and one at 3C (capacity retained at 1C and 3C, relative to the
formation delithiation), then ``cycles`` cycles at 1C (retention at N, cycles to 80%).
``cycling``: formation then ``cycles`` cycles at 1C (no rate check).

C-rates refer to the cell's 1C: 3.5 A/g Si in half cells, the positive's practical capacity
in full cells. Windows follow the papers' frames: liquid half cells 0.01-1.2 V vs Li after a
0.005-1.5 V formation (HPSS), liquid LCO full cells 2.5-4.2 V; sulfide half cells -0.6 to 1.4 V
vs Li-In and NCM88 full cells 2.5-4.3 V (HAL), used when issue 4 ships the sulfide cells.
"""

from __future__ import annotations

from ..errors import SibammError
from ..experiments.protocols import HPSS_FORMATION, Block, Protocol

PROTOCOL_NAMES = ("screen", "cycling")

_WINDOWS = {
    # (electrolyte, cell type): (formation block, cycle step builder)
    ("liquid", "half"): (
        HPSS_FORMATION,
        lambda r: (f"Discharge at {r:g}C until 0.01 V", f"Charge at {r:g}C until 1.2 V"),
        "0.01-1.2 V",
    ),
    ("liquid", "full"): (
        Block(
            "formation 0.1C, 2.5-4.2 V",
            ("Charge at 0.1C until 4.2 V", "Rest for 10 minutes", "Discharge at 0.1C until 2.5 V"),
            1,
            0.1,
        ),
        lambda r: (f"Charge at {r:g}C until 4.2 V", f"Discharge at {r:g}C until 2.5 V"),
        "2.5-4.2 V",
    ),
    # HAL paper frame: vs Li-In (+0.62 V vs Li), -0.6 to 1.4 V; NCM88 full cells 2.5-4.3 V. Like the
    # HAL protocols, no rest between lithiation and delithiation.
    ("sulfide", "half"): (
        Block(
            "formation 0.1C, -0.6-1.4 V vs Li-In",
            ("Discharge at 0.1C until -0.6 V", "Charge at 0.1C until 1.4 V"),
            1,
            0.1,
        ),
        lambda r: (f"Discharge at {r:g}C until -0.6 V", f"Charge at {r:g}C until 1.4 V"),
        "-0.6-1.4 V vs Li-In",
    ),
    ("sulfide", "full"): (
        Block(
            "formation 0.1C, 2.5-4.3 V",
            ("Charge at 0.1C until 4.3 V", "Rest for 10 minutes", "Discharge at 0.1C until 2.5 V"),
            1,
            0.1,
        ),
        lambda r: (f"Charge at {r:g}C until 4.3 V", f"Discharge at {r:g}C until 2.5 V"),
        "2.5-4.3 V",
    ),
}


def compare_protocol(name: str, electrolyte: str, cell_type: str, cycles: int) -> Protocol:
    """The comparison protocol ``name`` for a cell, with ``cycles`` cycles at 1C after the rate check."""
    if name not in PROTOCOL_NAMES:
        raise SibammError(f"unknown comparison protocol {name!r}; choose from {list(PROTOCOL_NAMES)}")
    if (electrolyte, cell_type) not in _WINDOWS:
        raise SibammError(f"no comparison protocol for {electrolyte} {cell_type} cells yet")
    formation, steps, window = _WINDOWS[(electrolyte, cell_type)]
    one_c = Block(f"1C, {window}", steps(1), 1, 1.0)
    blocks = [formation]
    if name == "screen":
        blocks += [one_c, Block(f"3C, {window}", steps(3), 1, 3.0)]
    blocks.append(Block(one_c.label, one_c.steps, cycles, 1.0))
    return Protocol(
        f"{name}({cycles})",
        "compare",
        (cell_type,),
        f"formation 0.1C{', 1C, 3C' if name == 'screen' else ''}, then {cycles} cycles at 1C, {window}",
        "sibamm design comparison",
        tuple(blocks),
    )


def rate_cycles(name: str) -> dict:
    """Cycle numbers of the formation, the 1C and 3C checks and the first 1C cycling cycle."""
    if name == "screen":
        return {"formation": 1, "1C": 2, "3C": 3, "cycling": 4}
    return {"formation": 1, "1C": None, "3C": None, "cycling": 2}
