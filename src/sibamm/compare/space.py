"""Design spaces: the axes of a Si electrode design, how to sample them, and how a design
becomes a sibamm cell.

A design space is a TOML file (parsed with :mod:`tomllib`, never executed) or a dict::

    name = "loading study"
    seed = 7                       # Latin hypercube seed (recorded with the results)

    [base]                         # values every design shares
    material = "HPSS@C"
    cell = "full"
    cycles = 20

    [grid]                         # full factorial over these lists
    material = ["HPSS@C", "HPSS"]
    areal_capacity = [2.0, 3.0]

    [lhs]                          # Latin hypercube over these [low, high] ranges
    samples = 6
    porosity = [0.55, 0.75]

    [[design]]                     # explicit designs (each merged over [base])
    material = "HPSS"
    cell = "half"

Grid points and LHS samples combine as a product; explicit designs are added. Each design is
checked up front and a bad one is rejected with a one-line reason, before anything runs.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import SibammError
from ..experiments.protocols import Protocol
from ..parameters.cells import Cell, _coin_cell, _derive_full, _derive_half, _derive_qms_material
from ..parameters.materials import MATERIALS
from ..parameters.provenance import assumed, reported
from .protocols import PROTOCOL_NAMES, compare_protocol
from .registry import CATHODES, ELECTROLYTES, MATERIAL_ALIASES, SI_MATERIALS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: Si capacity used to size loadings from an areal capacity and the N/P ratio (HAL paper: Si at
#: 3500 mAh/g; the HPSS 1C definition is the same 3.5 A/g)
NOMINAL_SI_CAPACITY = 3500.0  # mAh/g
#: version of the metric definitions: part of every design key, so a change re-runs designs
METRICS_VERSION = 2


@dataclass(frozen=True)
class Axis:
    name: str
    kind: type
    unit: str
    description: str
    low: float | None = None
    high: float | None = None
    choices: tuple = ()


AXES = {
    a.name: a
    for a in (
        Axis("material", str, "", "Si material: " + ", ".join(SI_MATERIALS) + "; QMS(x), Si@AlCl3-x"),
        Axis("electrolyte", str, "", "liquid | sulfide", choices=tuple(ELECTROLYTES)),
        Axis("cell", str, "", "half (vs Li or Li-In) | full (with a cathode)", choices=("half", "full")),
        Axis("cathode", str, "", "positive electrode of a full cell", choices=tuple(CATHODES)),
        Axis(
            "architecture", str, "", "porous composite | dense SE-free Si layer", choices=("porous", "dense")
        ),
        Axis("areal_capacity", float, "mAh/cm2", "design areal capacity (full: positive; half: Si nominal)"),
        Axis("loading", float, "mg/cm2", "Si mass loading", 0.0, 50.0),
        Axis("thickness", float, "um", "Si electrode thickness (pristine)", 0.0, 2000.0),
        Axis("porosity", float, "", "Si electrode porosity (pristine)", 0.05, 0.95),
        Axis("density", float, "g/cm3", "Si electrode density (coating mass / thickness)", 0.0, 2.33),
        Axis("particle_radius", float, "um", "Si particle outer radius", 0.0, 50.0),
        Axis("inner_radius", float, "um", "hollow-particle inner radius (hollow materials only)", 0.0, 50.0),
        Axis("s_doping", float, "", "S doping x of QMS(x)", 0.0, 1.0),
        Axis("alcl3_fraction", float, "", "AlCl3 mass fraction x of Si@AlCl3-x", 0.0, 0.5),
        Axis("n_p", float, "", "N/P capacity ratio of a full cell (Si at 3500 mAh/g)", 0.5, 5.0),
        Axis("protocol", str, "", "comparison protocol", choices=PROTOCOL_NAMES),
        Axis("cycles", int, "", "cycles at 1C after the rate check", 1, 5000),
        Axis("label", str, "", "a name for the design (optional)"),
    )
}
DEFAULTS = {"material": "HPSS@C", "electrolyte": "liquid", "cell": "half", "protocol": "screen", "cycles": 20}
_SAMPLEABLE = tuple(a.name for a in AXES.values() if a.kind in (float, int))


def _one_line(err: Exception) -> str:
    return str(err).splitlines()[0] if str(err) else type(err).__name__


@dataclass
class Design:
    """A checked design: complete axes, the sibamm cell and protocol it runs, and its key.

    ``key`` is a SHA-256 of the resolved parameter values (numbers, or the provenance of a
    function), model options, protocol steps and the metric version: the same design gives the
    same key in any process, and a recalibrated parameter gives a new one.
    """

    axes: dict
    label: str
    cell: Cell
    overrides: dict
    protocol: Protocol
    key: str

    def spec(self) -> dict:
        """What a worker needs to rebuild and run the design (plain data, picklable)."""
        return {"axes": dict(self.axes), "label": self.label, "key": self.key}


def _check_value(name: str, value):
    axis = AXES.get(name)
    if axis is None:
        raise SibammError(f"unknown design axis {name!r}; known axes: {sorted(AXES)}")
    if axis.kind is str:
        if not isinstance(value, str) or not value:
            raise SibammError(f"axis {name!r} expects a name, got {value!r}")
        if axis.choices and value not in axis.choices:
            raise SibammError(f"{name} {value!r} is not known; choose from {list(axis.choices)}")
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SibammError(f"axis {name!r} expects a number, got {value!r}")
    if axis.kind is int:
        if float(value) != int(value):
            raise SibammError(f"axis {name!r} expects a whole number, got {value!r}")
        value = int(value)
    value = float(value) if axis.kind is float else value
    if not math.isfinite(value):
        raise SibammError(f"axis {name!r} = {value} is not finite")
    low, high = axis.low, axis.high
    if low == 0 and value == 0 and name != "inner_radius":
        raise SibammError(f"{name} = 0 must be positive")
    if low is not None and value < low:
        raise SibammError(f"{name} = {value:g} {axis.unit}".rstrip() + f" is below the allowed {low:g}")
    if value <= 0 and low is None:
        raise SibammError(f"{name} = {value:g} must be positive")
    if high is not None and value > high:
        raise SibammError(f"{name} = {value:g} {axis.unit}".rstrip() + f" is above the allowed {high:g}")
    return value


def _split_material(axes: dict) -> dict:
    """``QMS(0.3)`` -> material QMS, s_doping 0.3; ``Si@AlCl3-10`` (the paper's wt% name) or
    ``Si@AlCl3-0.1`` -> alcl3_fraction 0.1."""
    name = axes["material"]
    name = MATERIAL_ALIASES.get(name, name)
    embedded = None
    if m := re.fullmatch(r"QMS\(([^)]*)\)", name):
        name, embedded = "QMS", ("s_doping", m.group(1))
    elif m := re.fullmatch(r"Si@AlCl3-(.+)", name):
        name, embedded = "Si@AlCl3", ("alcl3_fraction", m.group(1))
    if name not in SI_MATERIALS:
        raise SibammError(f"unknown Si material {axes['material']!r}; known: {list(SI_MATERIALS)}")
    axes = {**axes, "material": name}
    if embedded:
        axis, text = embedded
        try:
            x = float(text)
        except ValueError:
            raise SibammError(f"material {axes['material']}: {text!r} is not a number") from None
        if axis == "alcl3_fraction" and x >= 1:  # Si@AlCl3-10: AlCl3 in wt%
            x = x / 100
        x = _check_value(axis, x)
        if axis in axes and axes[axis] != x:
            raise SibammError(f"material {name}({text}) contradicts {axis} = {axes[axis]:g}")
        axes[axis] = x
    return axes


def resolve(raw: dict) -> Design:
    """Check one design's axes, fill defaults and build its cell; raise :class:`SibammError`
    with a one-line reason for an invalid or unavailable combination."""
    if not isinstance(raw, dict):
        raise SibammError(f"a design must be a table of axis = value, got {raw!r}")
    axes = {**DEFAULTS, **raw}
    for name in list(axes):
        axes[name] = _check_value(name, axes[name])
    axes = _split_material(axes)
    mat = SI_MATERIALS[axes["material"]]
    electrolyte = ELECTROLYTES[axes["electrolyte"]]
    full = axes["cell"] == "full"

    # --- combinations that are invalid whatever ships
    axes.setdefault("architecture", mat.architecture)
    if axes["architecture"] == "dense" and axes["electrolyte"] == "liquid":
        raise SibammError(
            f"{mat.name}: a dense SE-free Si electrode cannot run in a liquid cell (no pores for the "
            "electrolyte); use electrolyte = 'sulfide' or architecture = 'porous'"
        )
    if axes["electrolyte"] not in mat.electrolytes:
        fits = [n for n, m in SI_MATERIALS.items() if axes["electrolyte"] in m.electrolytes]
        raise SibammError(
            f"{mat.name} is built for {'/'.join(mat.electrolytes)} cells, not {axes['electrolyte']}; "
            f"{axes['electrolyte']} cells take {fits}"
        )
    if full:
        axes.setdefault("cathode", electrolyte.default_cathode)
        if axes["cathode"] not in electrolyte.cathodes:
            raise SibammError(
                f"cathode {axes['cathode']!r} is not paired with the {electrolyte.name} electrolyte; "
                f"choose from {list(electrolyte.cathodes)}"
            )
    else:
        for axis in ("cathode", "n_p"):
            if axis in axes:
                raise SibammError(f"{axis} applies to full cells only; this design is a half cell")
    for axis in ("s_doping", "alcl3_fraction"):
        if axis in axes and mat.parameter != axis:
            owner = "QMS" if axis == "s_doping" else "Si@AlCl3"
            raise SibammError(f"{axis} applies to {owner} only, not to {mat.name}")
    if mat.parameter and mat.parameter not in axes:
        axes[mat.parameter] = mat.parameter_default
    if "inner_radius" in axes:
        if not mat.hollow and axes["inner_radius"] > 0:
            raise SibammError(f"inner_radius applies to hollow particles; {mat.name} particles are solid")
        if "particle_radius" in axes and axes["inner_radius"] >= axes["particle_radius"]:
            raise SibammError(
                f"inner_radius {axes['inner_radius']:g} um must be smaller than particle_radius "
                f"{axes['particle_radius']:g} um"
            )
    geometry = [a for a in ("thickness", "porosity", "density") if a in axes]
    if len(geometry) > 1:
        raise SibammError(f"give one of thickness, porosity, density (they fix each other), not {geometry}")
    if "loading" in axes and "areal_capacity" in axes and not full:
        raise SibammError("give loading or areal_capacity for a half cell, not both")
    if "loading" in axes and "n_p" in axes:
        raise SibammError("give loading or n_p for a full cell, not both (N/P sets the Si loading)")

    # --- availability: resolved through the registries
    key = mat.registry_key(axes.get(mat.parameter) if mat.parameter else None)
    if key is None:
        raise SibammError(
            f"material {mat.name!r} is not shipped yet (issue {mat.issue}); shipped: "
            f"{[n for n, m in SI_MATERIALS.items() if m.registry_key(m.parameter_default) is not None]}"
        )
    if electrolyte.component is None:
        raise SibammError(
            f"{electrolyte.name} cells are not shipped yet (issue {electrolyte.issue}); "
            f"shipped electrolytes: {[n for n, e in ELECTROLYTES.items() if e.component is not None]}"
        )
    cathode = CATHODES.get(axes.get("cathode")) if full else None
    if full and cathode.parts is None:
        raise SibammError(f"cathode {cathode.name!r} is not shipped yet (issue {cathode.issue})")

    cell, overrides = _build_cell(axes, key, mat, electrolyte, cathode)
    protocol = compare_protocol(axes["protocol"], axes["electrolyte"], axes["cell"], axes["cycles"])
    try:
        values = cell.values(overrides)
    except SibammError as err:
        raise SibammError(f"design {_auto_label(axes)}: {_one_line(err)}") from None
    return Design(
        axes, axes.get("label") or _auto_label(axes), cell, overrides, protocol, _key(values, protocol)
    )


def _material_values(axes, key, mat) -> dict:
    values = MATERIALS[key]()
    if mat.parameter and "(" not in key and "-" not in key.replace("Si@AlCl3", ""):
        names = [n for n in values if any(w in n for w in mat.parameter_words)]
        if not names:
            raise SibammError(
                f"material {key!r} in the registry has no {mat.parameter} parameter; "
                f"cannot set {mat.parameter} = {axes[mat.parameter]:g}"
            )
        values[names[0]] = assumed(axes[mat.parameter], f"design axis {mat.parameter}")
    return values


def _build_cell(axes, key, mat, electrolyte, cathode) -> tuple[Cell, dict]:
    """Compose the cell from its parts (material, recipe, electrolyte, separator, counter or
    positive electrode, coin cell) and the overrides that the axes set.

    Comparable cells: every liquid design uses the same electrode recipe (HPSS: Si:Super-P:binder
    80:10:10, uncalendered), carbonate electrolyte, Celgard 2400 and Li metal or LCO, so the
    material and the axes are the only differences. A paper's own cell (e.g. the FRM SiNP
    electrode) stays available under its name in ``sibamm simulate``.
    """
    from ..parameters import components as comp

    if electrolyte.name == "sulfide":
        return _build_sulfide_cell(axes, key, mat, cathode)
    full = cathode is not None
    values = {}
    parts = [
        comp.hpss_recipe(),
        _material_values(axes, key, mat),
        electrolyte.component(),
        electrolyte.separator(),
    ]
    if not full:
        parts.append(electrolyte.counter())
    parts.append(_coin_cell())
    for part in parts:
        values.update(part)
    if full:
        q = axes.get("areal_capacity", 2.85)  # HPSS||LCO: LCO 19 mg/cm2 x 150 mAh/g
        values.update(cathode.parts(q / cathode.specific_capacity * 10))
        values["N/P ratio"] = assumed(axes.get("n_p", 1.1), "HPSS full cell N/P ~1.1 (design default)")
        values["Si first lithiation capacity for N/P [mAh.g-1]"] = reported(
            NOMINAL_SI_CAPACITY, "Si at 3500 mAh/g for N/P (HAL paper's n/p definition)"
        )
        values["C-rate definition [A.kg-1]"] = assumed(
            cathode.specific_capacity, f"full-cell 1C on the {cathode.name} practical capacity"
        )

    frozen = dict(values)
    derive = _derive_full if full else _derive_half
    options = {} if mat.hollow else {"particle shape": "spherical"}
    if "Si electrode sulfur content [at%]" in frozen:  # S-doped Si: its transport laws and Li2S (issue 5)
        base_derive = derive

        def derive(v, _base=base_derive):
            return {**_derive_qms_material(v), **_base(v)}

        if frozen["Si electrode sulfur content [at%]"].value > 0:
            options["Li2S formation"] = "irreversible"
    cell = Cell(
        _auto_label(axes),
        "compare",
        axes["cell"],
        f"design: {_auto_label(axes)}",
        lambda: dict(frozen),
        derive,
        options,
    )

    overrides = {}
    if "loading" in axes:
        overrides["Si mass loading [kg.m-2]"] = axes["loading"] * 1e-2
    elif "areal_capacity" in axes and not full:
        overrides["Si mass loading [kg.m-2]"] = axes["areal_capacity"] / NOMINAL_SI_CAPACITY * 10
    if "particle_radius" in axes:
        r_out = axes["particle_radius"] * 1e-6
        overrides["Si particle radius [m]"] = r_out
        if mat.hollow and "inner_radius" not in axes:  # keep the material's hollow fraction
            ratio = values["Si particle inner radius [m]"].value / values["Si particle radius [m]"].value
            overrides["Si particle inner radius [m]"] = ratio * r_out
    if "inner_radius" in axes:
        overrides["Si particle inner radius [m]"] = axes["inner_radius"] * 1e-6
    if not mat.hollow:
        overrides["Si particle inner radius [m]"] = 0.0
    if "thickness" in axes:
        overrides["Si electrode thickness [m]"] = axes["thickness"] * 1e-6
    elif "porosity" in axes or "density" in axes or not full:
        # solve the thickness: porosity = 1 - K / L and density = coating mass / L
        now = _values_or_reason(cell, overrides, axes)
        L = now["Si electrode thickness [m]"].value
        coating = now["Si mass loading [kg.m-2]"].value / now["Si electrode active mass fraction"].value
        if "porosity" in axes:
            K = (1 - now["Si electrode porosity"].value) * L
            overrides["Si electrode thickness [m]"] = K / (1 - axes["porosity"])
        elif "density" in axes:
            overrides["Si electrode thickness [m]"] = coating / (axes["density"] * 1000)
        else:  # half cell: keep the recipe's coating density when the loading changes
            recipe = comp.hpss_recipe()
            rho = (
                recipe["Si mass loading [kg.m-2]"].value
                / recipe["Si electrode active mass fraction"].value
                / recipe["Si electrode thickness [m]"].value
            )
            overrides["Si electrode thickness [m]"] = coating / rho
    return cell, overrides


def _build_sulfide_cell(axes, key, mat, cathode) -> tuple[Cell, dict]:
    """A HAL-paper cell for the design: dense Si film | LPSC | Li-In, or | LPSC | LIC | NCM88.

    The cell is the shipped HAL cell (:mod:`sibamm.parameters.cells`) with the design's material
    values (AlCl3 fraction), Si loading and N/P. The film's thickness follows from its loading and
    packing, so the thickness, porosity and density axes do not apply.
    """
    from ..parameters import cells as hal

    for axis in ("thickness", "porosity", "density"):
        if axis in axes:
            raise SibammError(
                f"{axis} does not apply to a dense Si film (its thickness follows from the loading and "
                "the film packing); give loading or areal_capacity"
            )
    full = cathode is not None
    values = (hal._hal_full_parts if full else hal._hal_half_parts)(key)()
    values.update(_material_values(axes, key, mat))
    if full and "n_p" in axes:
        values["N/P ratio"] = assumed(axes["n_p"], "design axis n_p")
    if full and "areal_capacity" in axes:  # NCM88 loading from the areal capacity
        q = axes["areal_capacity"]
        spec = values["NCM88 practical capacity [mAh.g-1]"].value
        values["NCM88 mass loading [kg.m-2]"] = assumed(q / spec * 10, "design axis areal_capacity")
    frozen = dict(values)
    if full:
        cell = Cell(
            _auto_label(axes), "compare", "full", f"design: {_auto_label(axes)}", lambda: dict(frozen),
            hal._derive_hal_full, {"cell": "full", **hal.HAL_FULL_OPTIONS},
        )  # fmt: skip
    else:
        cell = Cell(
            _auto_label(axes), "compare", "half", f"design: {_auto_label(axes)}", lambda: dict(frozen),
            hal._derive_hal_half, dict(hal.HAL_HALF_OPTIONS),
        )  # fmt: skip
    overrides = {}
    if "particle_radius" in axes:
        overrides["Si powder particle radius [m]"] = axes["particle_radius"] * 1e-6
    si_loading = None
    if "loading" in axes:
        si_loading = axes["loading"] * 1e-2
    elif "areal_capacity" in axes and not full:
        si_loading = axes["areal_capacity"] / NOMINAL_SI_CAPACITY * 10
    if si_loading is not None:  # the film is weighed as powder (Si + surface layer) + binder
        now = _values_or_reason(cell, overrides, axes)
        si_per_powder = (
            now["Si mass loading [kg.m-2]"].value / now["Si electrode powder mass loading [kg.m-2]"].value
        )
        overrides["Si electrode powder mass loading [kg.m-2]"] = si_loading / si_per_powder
    return cell, overrides


def _values_or_reason(cell, overrides, axes) -> dict:
    try:
        return cell.values(overrides)
    except SibammError as err:
        raise SibammError(f"design {_auto_label(axes)}: {_one_line(err)}") from None


def _auto_label(axes: dict) -> str:
    mat = axes["material"]
    if axes.get("s_doping") is not None and mat == "QMS":
        mat = f"QMS({axes['s_doping']:g})"
    if axes.get("alcl3_fraction") is not None and mat == "Si@AlCl3":
        mat = f"Si@AlCl3-{100 * axes['alcl3_fraction']:g}"
    counter = "Li-In" if axes["electrolyte"] == "sulfide" else "Li"
    cell = f" || {axes.get('cathode', '?')}" if axes["cell"] == "full" else f" | {counter} half cell"
    parts = [f"{mat}{cell} ({axes['electrolyte']})"]
    for name in (
        "areal_capacity",
        "loading",
        "thickness",
        "porosity",
        "density",
        "particle_radius",
        "inner_radius",
        "n_p",
    ):
        if name in axes:
            unit = AXES[name].unit
            parts.append(f"{name.replace('_', ' ')} {axes[name]:.3g}{(' ' + unit) if unit else ''}")
    return ", ".join(parts)


def _key(values: dict, protocol: Protocol) -> str:
    flat = {}
    for name, v in sorted(values.items()):
        x = v.value
        flat[name] = repr(float(x)) if isinstance(x, (int, float)) else f"function: {v.source}"
    blob = {
        "values": flat,
        "protocol": [(b.label, list(b.steps), b.repeats) for b in protocol.blocks],
        "metrics version": METRICS_VERSION,
    }
    return hashlib.sha256(json.dumps(blob, sort_keys=True).encode()).hexdigest()[:20]


def latin_hypercube(ranges: dict, samples: int, seed: int) -> list[dict]:
    """``samples`` points, one per stratum of every axis (McKay et al., Technometrics 21, 1979),
    drawn with ``numpy.random.default_rng(seed)``; integer axes are rounded."""
    rng = np.random.default_rng(seed)
    columns = {}
    for name, (low, high) in ranges.items():
        u = (rng.permutation(samples) + rng.random(samples)) / samples
        x = low + u * (high - low)
        columns[name] = [round(v) if AXES[name].kind is int else float(v) for v in x]
    return [{name: columns[name][i] for name in ranges} for i in range(samples)]


@dataclass
class DesignSpace:
    """A set of designs: ``base`` values, a ``grid`` (lists), a Latin hypercube ``lhs``
    (``{"samples": n, axis: [low, high], ...}``, seeded by ``seed``) and explicit ``designs``."""

    name: str = "designs"
    base: dict = field(default_factory=dict)
    grid: dict = field(default_factory=dict)
    lhs: dict = field(default_factory=dict)
    designs: list = field(default_factory=list)
    seed: int = 0
    description: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> DesignSpace:
        if not isinstance(data, dict):
            raise SibammError("a design space must be a table")
        known = {"name", "description", "seed", "base", "grid", "lhs", "design"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise SibammError(f"unknown design-space section {unknown[0]!r}; allowed: {sorted(known)}")
        for section in ("base", "grid", "lhs"):
            if not isinstance(data.get(section, {}), dict):
                raise SibammError(f"[{section}] must be a table of axis = value")
        designs = data.get("design", [])
        if not isinstance(designs, list) or not all(isinstance(d, dict) for d in designs):
            raise SibammError("designs must be given as [[design]] tables")
        seed = data.get("seed", 0)
        if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
            raise SibammError(f"seed must be a non-negative integer, got {seed!r}")
        space = cls(
            str(data.get("name", "designs")),
            dict(data.get("base", {})),
            dict(data.get("grid", {})),
            dict(data.get("lhs", {})),
            list(designs),
            seed,
            str(data.get("description", "")),
        )
        space._check_sections()
        return space

    @classmethod
    def from_file(cls, path) -> DesignSpace:
        """Read a TOML design space (``.toml``); JSON (``.json``) is accepted too."""
        path = Path(path)
        try:
            text = path.read_text()
        except FileNotFoundError:
            raise SibammError(f"design-space file {str(path)!r} not found") from None
        except IsADirectoryError:
            raise SibammError(f"design-space file {str(path)!r} is a directory") from None
        try:
            data = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
        except (tomllib.TOMLDecodeError, json.JSONDecodeError) as err:
            raise SibammError(
                f"{path.name} is not valid {'JSON' if path.suffix == '.json' else 'TOML'}: {_one_line(err)}"
            ) from None
        return cls.from_dict(data)

    def _check_sections(self) -> None:
        for name, value in self.base.items():
            _check_value(name, value)
        for name, values in self.grid.items():
            if not isinstance(values, list) or not values:
                raise SibammError(f"grid axis {name!r} must be a non-empty list, got {values!r}")
            for v in values:
                _check_value(name, v)
        if self.lhs:
            samples = self.lhs.get("samples")
            if isinstance(samples, bool) or not isinstance(samples, int) or samples < 1:
                raise SibammError(f"[lhs] needs samples = a positive integer, got {samples!r}")
            for name, rng in self.lhs.items():
                if name == "samples":
                    continue
                if name not in AXES:
                    raise SibammError(f"unknown design axis {name!r} in [lhs]; known axes: {sorted(AXES)}")
                if name not in _SAMPLEABLE:
                    raise SibammError(f"[lhs] samples numeric axes only; {name!r} is a name (use [grid])")
                if not (isinstance(rng, list) and len(rng) == 2) or rng[0] >= rng[1]:
                    raise SibammError(f"[lhs] {name} must be [low, high] with low < high, got {rng!r}")
                _check_value(name, rng[0])
                _check_value(name, rng[1])
            if len(self.lhs) == 1:
                raise SibammError("[lhs] gives samples but no axis range")
            overlap = sorted(set(self.lhs) & set(self.grid) - {"samples"})
            if overlap:
                raise SibammError(f"axis {overlap[0]!r} is both in [grid] and [lhs]; give it once")

    def points(self) -> list[dict]:
        """The raw axis values of every design, in order (grid x LHS, then explicit designs)."""
        names = list(self.grid)
        grid = [dict(zip(names, combo)) for combo in itertools.product(*(self.grid[n] for n in names))]
        ranges = {k: v for k, v in self.lhs.items() if k != "samples"}
        lhs = latin_hypercube(ranges, self.lhs["samples"], self.seed) if ranges else [{}]
        points = []
        if self.grid or ranges or not self.designs:
            points = [{**self.base, **g, **s} for g in grid for s in lhs]
        points += [{**self.base, **d} for d in self.designs]
        return points

    def resolve(self) -> list[Design]:
        """Every design checked and built; the first invalid one raises with its reason."""
        designs, seen = [], set()
        for i, point in enumerate(self.points(), start=1):
            try:
                design = resolve(point)
            except SibammError as err:
                raise SibammError(f"{self.name}: design {i}: {_one_line(err)}") from None
            if design.key not in seen:
                seen.add(design.key)
                designs.append(design)
        return designs

    def to_dict(self) -> dict:
        out = {"name": self.name, "seed": self.seed}
        if self.description:
            out["description"] = self.description
        for section in ("base", "grid", "lhs"):
            if getattr(self, section):
                out[section] = getattr(self, section)
        if self.designs:
            out["design"] = self.designs
        return out
