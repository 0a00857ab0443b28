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


QMS = "QMS (Nat. Commun., quasi-metallic S-doped Si)"
QMS_FORMATION = Block("formation 0.05C, 0.005-1.5 V", _half_cycle(0.05, 0.005, 1.5, "10 minutes"), 1, 0.05)
#: lithiation rates of the QMS rate test
QMS_RATES = (0.2, 0.5, 1, 2, 3, 5)


def _qms_rate_blocks() -> tuple:
    """Each rate: lithiation at the rate to 0.01 V, then a full slow delithiation (0.2C to 1.2 V),
    so every lithiation starts from a fully, slowly delithiated electrode (the first from formation)."""
    blocks = [QMS_FORMATION]
    for rate in QMS_RATES:
        steps = (
            f"Discharge at {rate:g}C until 0.01 V",
            "Rest for 10 minutes",
            "Charge at 0.2C until 1.2 V",
            "Rest for 10 minutes",
        )
        blocks.append(Block(f"lithiation at {rate:g}C", steps, 1, rate))
    return tuple(blocks)


#: GITT at low Li content: after formation, lithiate in 10-minute 0.05C pulses with 1 h rests
QMS_GITT_PULSE = Block(
    "GITT pulse 0.05C 10 min, rest 1 h", ("Discharge at 0.05C for 10 minutes", "Rest for 1 hour"), 12, 0.05
)

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
        Protocol(
            "qms_formation",
            "qms",
            ("half",),
            "first cycle 0.005-1.5 V at 0.05C (1C = 3.5 A/g)",
            QMS + ": formation",
            (QMS_FORMATION,),
        ),
        Protocol(
            "qms_cycling_0.5C",
            "qms",
            ("half",),
            "0.05C formation, then 0.5C cycling 0.01-1.2 V for 500 cycles "
            "(0.5C = 1.9 mA/cm2 at the 1.086 mg/cm2 loading)",
            QMS + ": 0.5C cycling, 500 cycles",
            (QMS_FORMATION, Block("0.5C, 0.01-1.2 V", _half_cycle(0.5, 0.01, 1.2), 500, 0.5)),
        ),
        Protocol(
            "qms_rate_test",
            "qms",
            ("half",),
            "0.05C formation, then lithiation at 0.2, 0.5, 1, 2, 3, 5C to 0.01 V, each followed by a full "
            "0.2C delithiation to 1.2 V (1C = 3.8 mA/cm2)",
            QMS + ": rate test at ~3.8 mAh/cm2",
            _qms_rate_blocks(),
        ),
        Protocol(
            "qms_gitt",
            "qms",
            ("half",),
            "0.05C formation, then 12 GITT lithiation pulses (0.05C for 10 min, 1 h rest) at low Li content",
            QMS + ": GITT at low Li content",
            (QMS_FORMATION, QMS_GITT_PULSE),
        ),
        Protocol(
            "qms_full_cell_1C",
            "qms",
            ("full",),
            "full cell: one 0.1C formation cycle (assumed), then 200 cycles at 1C (3.3 mA/cm2), 3.0-4.2 V",
            QMS + ": QMS(0.7)||LCO full cell",
            (
                Block(
                    "formation 0.1C, 3.0-4.2 V",
                    (
                        "Charge at 0.1C until 4.2 V",
                        "Rest for 10 minutes",
                        "Discharge at 0.1C until 3.0 V",
                        "Rest for 10 minutes",
                    ),
                    1,
                    0.1,
                ),
                Block(
                    "1C, 3.0-4.2 V",
                    (
                        "Charge at 1C until 4.2 V",
                        "Rest for 10 minutes",
                        "Discharge at 1C until 3.0 V",
                        "Rest for 10 minutes",
                    ),
                    200,
                    1.0,
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


# --------------------------------------------------------------------------- HAL: sulfide solid-state cells

HAL = "HAL (Li, H. et al., Nat. Commun. 2025, doi:10.1038/s41467-025-67985-x)"
#: Li-In sits at +0.62 V vs Li: the HAL window -0.6..1.4 V vs Li-In is 0.02-2.02 V vs Li
HAL_LOW, HAL_HIGH = -0.6, 1.4
#: HAL cells are 10 mm discs: areal currents become absolute currents on this area [cm2]
HAL_AREA_CM2 = 0.785398


def _hal_cycle(rate: float) -> tuple:
    return (f"Discharge at {rate:g}C until {HAL_LOW:g} V", f"Charge at {rate:g}C until {HAL_HIGH:g} V")


#: open circuit [s] before each EIS state of the HAL Rct table is read: an EIS sweep is measured on a
#: relaxed cell, and the emptied (or filled) face of the film refills from the film within a minute
HAL_EIS_RELAXATION_S = 600.0


def _hal_eis_cycle() -> tuple:
    """1C lithiation, rest, 1C delithiation, rest, rest to 12 h: the EIS states are the rests' ends."""
    lith, delith = _hal_cycle(1.0)
    rest = f"Rest for {HAL_EIS_RELAXATION_S:g} seconds"
    return (lith, rest, delith, rest, f"Rest for {12 * 3600 - HAL_EIS_RELAXATION_S:g} seconds")


def _hal_areal_cycle(ma_cm2: float) -> tuple:
    i_ma = ma_cm2 * HAL_AREA_CM2
    return (
        f"Discharge at {i_ma:.4g} mA until {HAL_LOW:g} V",
        f"Charge at {i_ma:.4g} mA until {HAL_HIGH:g} V",
    )


#: activation of the cold-pressed high-loading films at the paper's lower high-loading current: the
#: first lithiation of c-Si runs on the two-phase plateau 50-80 mV above the 0.02 V vs Li cut-off, which
#: the ohmic drop of a >10 mAh/cm2 film and the LPSC pellet at 5.1 mA/cm2 (~120 mV) overruns; once
#: amorphised, the film cycles on the higher a-LixSi branches (assumed: the HAL paper gives no
#: first-cycle current for these cells)
HAL_HIGHLOAD_ACTIVATION = Block("activation 1.5 mA/cm2, -0.6..1.4 V vs Li-In", _hal_areal_cycle(1.5), 1)


#: first cycle at 3500 mA/g = 1C (HAL: 1C = 3500 mA/g)
HAL_FIRST = Block("1C (3500 mA/g), -0.6..1.4 V vs Li-In", _hal_cycle(1.0), 1, 1.0)
#: CC-CV: CC lithiation and CC delithiation at 1C, then the delithiation is held at 1.4 V vs Li-In
#: (2.02 V vs Li) until C/20. SCIENCE.md (Physics common, K-Li): "A CV hold at the end of delithiation
#: recovers part of the K-Li" -- the hold extracts Li trapped behind the resistive delithiated layer at
#: the Si|LPSC face. A hold at the lithiation end (the form used before 2026-11-21) lowered the model ICE
#: (92.4%): at 0.02 V vs Li the LPSC reduction keeps running (C-Li 5.4 -> 7.4%) while the hold adds
#: capacity. The hold end (C/20) is assumed: the paper does not report it.
HAL_FIRST_CCCV = Block(
    "1C CC-CV (delithiation held at 1.4 V vs Li-In to C/20), -0.6..1.4 V vs Li-In",
    (
        f"Discharge at 1C until {HAL_LOW:g} V",
        f"Charge at 1C until {HAL_HIGH:g} V",
        f"Hold at {HAL_HIGH:g} V until C/20",
    ),
    1,
    1.0,
)
#: rate test currents [mA/g Si] (1C = 3500 mA/g)
HAL_RATES = (350.0, 700.0, 1750.0, 3500.0, 7000.0)
#: cycles per rate step of the rate test (not reported: assumed)
HAL_RATE_REPEATS = 3


def _hal_rate_blocks() -> tuple:
    blocks = []
    for ma_g in (*HAL_RATES, HAL_RATES[0]):
        rate = ma_g / 3500.0
        label = f"{ma_g:g} mA/g ({rate:g}C)" + (" again" if blocks and ma_g == HAL_RATES[0] else "")
        blocks.append(Block(label, _hal_cycle(rate), HAL_RATE_REPEATS, rate))
    return tuple(blocks)


#: GITT of the first lithiation: 0.1C pulses of 15 min, 2 h rest; 36 pulses = 90% of 1C x 1 h
HAL_GITT_PULSE = Block(
    "GITT pulse 0.1C 15 min, rest 2 h",
    (f"Discharge at 0.1C for 15 minutes or until {HAL_LOW:g} V", "Rest for 2 hours"),
    36,
    0.1,
)
HAL_FULL_FIRST = Block(
    "full cell first cycle 0.1C (20 mA/g NCM), 2.5-4.3 V",
    ("Charge at 0.1C until 4.3 V", "Discharge at 0.1C until 2.5 V"),
    1,
    0.1,
)


def _full_block(rate: float, ma_g: float, repeats: int) -> Block:
    return Block(
        f"{ma_g:g} mA/g NCM ({rate:g}C), 2.5-4.3 V",
        (f"Charge at {rate:g}C until 4.3 V", f"Discharge at {rate:g}C until 2.5 V"),
        repeats,
        rate,
    )


def _hal_protocols() -> list:
    half, full = ("half",), ("full",)
    return [
        Protocol("hal_first_cycle", "hal", half,
                 "first cycle at 3500 mA/g (1C), -0.6..1.4 V vs Li-In (0.02-2.02 V vs Li)",
                 HAL + ": first cycle", (HAL_FIRST,)),
        Protocol("hal_first_cycle_cccv", "hal", half,
                 "first cycle at 1C, CC lithiation to -0.6 V vs Li-In, CC delithiation to 1.4 V vs Li-In "
                 "held there until C/20 (CV hold at the end of delithiation recovers K-Li; hold end "
                 "assumed: not reported)",
                 HAL + ": CC-CV first cycle", (HAL_FIRST_CCCV,)),
        Protocol("hal_rate_test", "hal", half,
                 f"{HAL_RATE_REPEATS} cycles (assumed) each at 350, 700, 1750, 3500 and 7000 mA/g, then "
                 "350 mA/g again; -0.6..1.4 V vs Li-In",
                 HAL + ": rate test 350 mA/g -> 7 A/g", _hal_rate_blocks()),
        Protocol("hal_cycling_10.5A", "hal", half,
                 "first cycle at 3500 mA/g, then 400 cycles at 10.5 A/g (3C), -0.6..1.4 V vs Li-In "
                 "(activation cycle assumed)",
                 HAL + ": long cycling at 10.5 A/g",
                 (HAL_FIRST, Block("10.5 A/g (3C), -0.6..1.4 V vs Li-In", _hal_cycle(3.0), 400, 3.0))),
        Protocol("hal_highload_5.1mA", "hal", half,
                 "high-loading cell: one activation cycle at 1.5 mA/cm2 (assumed: the first cycle's "
                 "current is not reported), then 500 cycles at 5.1 mA/cm2 (4.006 mA on the 10 mm disc), "
                 "-0.6..1.4 V vs Li-In",
                 HAL + ": high-loading half cell at 5.1 mA/cm2",
                 (HAL_HIGHLOAD_ACTIVATION,
                  Block("5.1 mA/cm2, -0.6..1.4 V vs Li-In", _hal_areal_cycle(5.1), 500))),
        Protocol("hal_highload_1.5mA", "hal", half,
                 "high-loading cell: 20 cycles at 1.5 mA/cm2 (1.178 mA on the 10 mm disc), "
                 "-0.6..1.4 V vs Li-In",
                 HAL + ": high-loading half cell at 1.5 mA/cm2",
                 (Block("1.5 mA/cm2, -0.6..1.4 V vs Li-In", _hal_areal_cycle(1.5), 20),)),
        Protocol("hal_gitt", "hal", half,
                 "GITT of the first lithiation: 36 pulses of 0.1C (350 mA/g) for 15 min, each followed "
                 "by a 2 h rest",
                 HAL + ": GITT (0.1C pulses of 15 min, 2 h rest)", (HAL_GITT_PULSE,)),
        Protocol("hal_cycle_rest_12h", "hal", half,
                 f"one cycle at 1C, -0.6..1.4 V vs Li-In, each half followed by {HAL_EIS_RELAXATION_S:g} s "
                 "at open circuit (the EIS of the lithiated and delithiated states), then open circuit "
                 "to 12 h after the delithiation (Rct after one cycle + 12 h rest)",
                 HAL + ": EIS after one cycle and 12 h rest",
                 (Block("1C cycle with EIS rests, then 12 h rest", _hal_eis_cycle(), 1, 1.0),)),
        Protocol("hal_rest_12h", "hal", half,
                 "12 h at open circuit on the pristine cell (interface reaction with LPSC at rest)",
                 HAL + ": impedance growth at rest", (Block("rest 12 h", ("Rest for 12 hours",), 1),)),
        Protocol("hal_full_first_cycle", "hal", full,
                 "full cell first cycle 2.5-4.3 V at 0.1C = 20 mA/g NCM (rate assumed: not reported)",
                 HAL + ": full-cell ICE", (HAL_FULL_FIRST,)),
        Protocol("hal_full_200mA", "hal", full,
                 "full cell: first cycle at 20 mA/g (assumed), then 200 cycles at 200 mA/g NCM (1C), "
                 "2.5-4.3 V",
                 HAL + ": full cell at 200 mA/g", (HAL_FULL_FIRST, _full_block(1.0, 200.0, 200))),
        Protocol("hal_full_100mA", "hal", full,
                 "full cell: first cycle at 20 mA/g (assumed), then 5 cycles at 100 mA/g NCM (0.5C), "
                 "2.5-4.3 V",
                 HAL + ": full cell at 100 mA/g", (HAL_FULL_FIRST, _full_block(0.5, 100.0, 5))),
        Protocol("hal_full_prelithiated", "hal", full,
                 "first cycle of the pre-lithiated full cell, 2.5-4.3 V at 20 mA/g NCM (the Si is "
                 "pre-lithiated in the cell: see the *_prelithiated_full cells)",
                 HAL + ": pre-lithiated full cell", (HAL_FULL_FIRST,)),
    ]  # fmt: skip


PROTOCOLS.update({p.name: p for p in _hal_protocols()})
