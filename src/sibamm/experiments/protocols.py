"""Cycling protocols of each paper, as data.

A :class:`Protocol` is a list of :class:`Block`: one cycle (a tuple of PyBaMM step
strings) repeated ``repeats`` times. C-rates refer to the cell's 1C ("Nominal cell
capacity [A.h]"), which each cell sets from the paper's definition (HPSS: 1C = 3.5 A/g Si;
the HPSS||LCO full cell: LCO at 150 mAh/g). Voltages are those of the paper's frame
(vs Li in the liquid half cells).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pybamm

from ..errors import SibammError

HPSS = "HPSS (Nat. Commun., hollow Si microspheres)"


@dataclass(frozen=True)
class Block:
    """One cycle of steps, repeated ``repeats`` times, with a label and its C-rate."""

    label: str
    steps: tuple
    repeats: int = 1
    c_rate: float | None = None
    #: lithiation stops at this fraction of the protocol's reference (DOD100%) capacity
    capacity_fraction: float | None = None

    def experiment(self) -> pybamm.Experiment:
        return pybamm.Experiment([self.steps])


@dataclass(frozen=True)
class Protocol:
    name: str
    system: str
    cell_types: tuple
    description: str
    source: str
    blocks: tuple = field(default_factory=tuple)
    #: the cycle whose lithiation capacity defines DOD100% for blocks with a capacity fraction
    reference: Block | None = None

    def cycles(self, limit: int | None = None) -> list[Block]:
        """The protocol unrolled into one :class:`Block` per cycle, cut at ``limit`` cycles."""
        if limit is not None and limit < 1:
            raise SibammError(f"--cycles must be a positive integer, got {limit}")
        out = []
        for block in self.blocks:
            out.extend([block] * block.repeats)
        return out[:limit] if limit else out

    @property
    def n_cycles(self) -> int:
        return sum(b.repeats for b in self.blocks)


def _half_cycle(rate: float, v_low: float, v_high: float, rest: str | None = None) -> tuple:
    r = f"{rate:g}C"
    steps = [f"Discharge at {r} until {v_low:g} V"]
    if rest:
        steps.append(f"Rest for {rest}")
    steps.append(f"Charge at {r} until {v_high:g} V")
    if rest:
        steps.append(f"Rest for {rest}")
    return tuple(steps)


HPSS_FORMATION = Block("formation 0.1C, 0.005-1.5 V", _half_cycle(0.1, 0.005, 1.5, "10 minutes"), 1, 0.1)


def _rate_blocks() -> tuple:
    blocks = [HPSS_FORMATION]
    for rate in (0.2, 0.5, 1, 2, 5):
        blocks.append(Block(f"{rate:g}C, 0.01-1.2 V", _half_cycle(rate, 0.01, 1.2), 3, rate))
    blocks.append(Block("0.2C again, 0.01-1.2 V", _half_cycle(0.2, 0.01, 1.2), 3, 0.2))
    return tuple(blocks)


#: input parameter of the capacity cut-off of depth-of-discharge-controlled lithiation
CAPACITY_LIMIT = "Lithiation capacity limit [A.h]"
FRM = "FRM (Ogata, Ko et al., continuous Si frameworks; SCIENCE.md FRM protocol)"
FRM_DELITHIATION = ("Rest for 10 minutes", "Charge at 0.2C until 1.2 V", "Rest for 10 minutes")
FRM_DOD100 = Block(
    "DOD100%: 1C to 10 mV, hold to 0.01C; 0.2C to 1.2 V",
    ("Discharge at 1C until 0.01 V", "Hold at 0.01 V until C/100", *FRM_DELITHIATION),
    4,
    1.0,
)


def _dod_block(fraction: float) -> Block:
    """Lithiation CC-CV at 1C to 10 mV that stops at ``fraction`` of the DOD100% capacity.

    The cut-off is the cell's cumulative discharge capacity (the half cell's lithiation)
    reaching the value of the input parameter :data:`CAPACITY_LIMIT`, which the runner sets
    at the start of every cycle (PyBaMM step strings have no capacity termination).
    """
    limit = pybamm.InputParameter(CAPACITY_LIMIT)
    cut = pybamm.step.CustomTermination(
        f"DOD {fraction:.0%} capacity", lambda v: limit - v["Discharge capacity [A.h]"]
    )
    steps = (
        pybamm.step.c_rate(1, termination=["0.01 V", cut]),
        pybamm.step.voltage(0.01, termination=["C/100", cut]),
        *FRM_DELITHIATION,
    )
    return Block(f"DOD{fraction:.0%}: 1C CC-CV to 10 mV; 0.2C to 1.2 V", steps, 4, 1.0, fraction)


def _dod_protocols() -> list:
    out = [
        Protocol(
            "dod100",
            "frm",
            ("half",),
            "4 cycles: CC-CV lithiation at 1C to 10 mV held to 0.01C (DOD100%), CC delithiation at "
            "0.2C to 1.2 V (delithiation rate and cut-off assumed: not reported)",
            FRM,
            (FRM_DOD100,),
        )
    ]
    for pct in (90, 80, 70):
        out.append(
            Protocol(
                f"dod{pct}",
                "frm",
                ("half",),
                f"4 cycles: 1C CC-CV lithiation to 10 mV stopped at {pct}% of the DOD100% capacity, "
                "CC delithiation at 0.2C to 1.2 V (assumed)",
                FRM,
                (_dod_block(pct / 100),),
                reference=FRM_DOD100,
            )
        )
    return out


PROTOCOLS = {
    p.name: p
    for p in (
        Protocol(
            "formation",
            "hpss",
            ("half",),
            "first cycle 0.005-1.5 V at 0.1C (rate assumed: not reported)",
            HPSS,
            (HPSS_FORMATION,),
        ),
        Protocol(
            "cycling_1C",
            "hpss",
            ("half",),
            "formation, then 1C cycling 0.01-1.2 V for 800 cycles",
            HPSS + ": 1C cycling, 800 cycles",
            (HPSS_FORMATION, Block("1C, 0.01-1.2 V", _half_cycle(1, 0.01, 1.2), 799, 1.0)),
        ),
        Protocol(
            "rate_test",
            "hpss",
            ("half",),
            "formation, then symmetric rates 3 cycles each at 0.2, 0.5, 1, 2, 5C and back to 0.2C",
            HPSS + ": rate capability",
            _rate_blocks(),
        ),
        Protocol(
            "full_cell_0.2C",
            "hpss",
            ("full",),
            "full cell: one 0.1C formation cycle (assumed), then 100 cycles 0.2C CC, 2.5-4.2 V",
            HPSS + ": HPSS@C||LCO full cell",
            (
                Block(
                    "formation 0.1C, 2.5-4.2 V",
                    (
                        "Charge at 0.1C until 4.2 V",
                        "Rest for 10 minutes",
                        "Discharge at 0.1C until 2.5 V",
                        "Rest for 10 minutes",
                    ),
                    1,
                    0.1,
                ),
                Block(
                    "0.2C, 2.5-4.2 V",
                    (
                        "Charge at 0.2C until 4.2 V",
                        "Rest for 10 minutes",
                        "Discharge at 0.2C until 2.5 V",
                        "Rest for 10 minutes",
                    ),
                    100,
                    0.2,
                ),
            ),
        ),
        *_dod_protocols(),
    )
}


def get_protocol(name: str, cell_type: str | None = None) -> Protocol:
    if name not in PROTOCOLS:
        raise SibammError(f"unknown protocol {name!r}; known protocols: {sorted(PROTOCOLS)}")
    protocol = PROTOCOLS[name]
    if cell_type is not None and cell_type not in protocol.cell_types:
        raise SibammError(
            f"protocol {name!r} is for {'/'.join(protocol.cell_types)} cells, not a {cell_type} cell"
        )
    return protocol
