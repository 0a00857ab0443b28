"""Free parameters: a sibamm parameter name, bounds, a start value and a transformation.

The optimisers work on ``z`` in [0, 1]: ``z = (ln x - ln low) / (ln high - ln low)`` for a log
transform (natural for rate constants, diffusivities, capacities spanning decades), otherwise
``z = (x - low) / (high - low)``. Both keep finite-difference steps and random starts meaningful
whatever the parameter's unit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import SibammError


@dataclass
class FreeParameter:
    """A parameter to fit.

    Parameters
    ----------
    name : str
        A sibamm parameter name, as ``sibamm list --parameters CELL`` prints it.
    low, high : float
        Bounds; the fit never leaves them.
    initial : float, optional
        Start value (default: the cell's current value).
    log : bool, optional
        Fit ``ln x``; default: when ``low > 0`` and ``high / low >= 10``.
    """

    name: str
    low: float
    high: float
    initial: float | None = None
    log: bool | None = None

    def __post_init__(self):
        for label, v in (("low", self.low), ("high", self.high)):
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
                raise SibammError(f"parameter {self.name!r}: bound {label} = {v!r} is not a finite number")
        if not self.low < self.high:
            raise SibammError(
                f"parameter {self.name!r}: lower bound {self.low:g} must be below the upper bound "
                f"{self.high:g}"
            )
        if self.log is None:
            self.log = self.low > 0 and self.high / self.low >= 10
        if self.log and self.low <= 0:
            raise SibammError(
                f"parameter {self.name!r}: a log transform needs a positive lower bound, got {self.low:g}"
            )

    def set_initial(self, value: float) -> None:
        """Set the start value; it must lie within the bounds."""
        if not (isinstance(value, (int, float)) and math.isfinite(value)):
            raise SibammError(
                f"parameter {self.name!r} has no numeric value to start from; give NAME=LOW:HIGH:START"
            )
        if not self.low <= value <= self.high:
            raise SibammError(
                f"parameter {self.name!r}: bounds [{self.low:g}, {self.high:g}] exclude the initial value "
                f"{value:g}; widen the bounds or give a start inside them (NAME=LOW:HIGH:START)"
            )
        self.initial = float(value)

    def to_z(self, x: float) -> float:
        if self.log:
            return (math.log(x) - math.log(self.low)) / (math.log(self.high) - math.log(self.low))
        return (x - self.low) / (self.high - self.low)

    def from_z(self, z: float) -> float:
        z = min(max(float(z), 0.0), 1.0)
        if self.log:
            return math.exp(math.log(self.low) + z * (math.log(self.high) - math.log(self.low)))
        return self.low + z * (self.high - self.low)

    def dx_dz(self, x: float) -> float:
        """Derivative of the value with respect to z (for the delta method)."""
        return x * (math.log(self.high) - math.log(self.low)) if self.log else self.high - self.low

    def describe(self) -> dict:
        return {
            "name": self.name,
            "low": self.low,
            "high": self.high,
            "initial": self.initial,
            "transform": "log" if self.log else "linear",
        }


def parse_param(text: str) -> FreeParameter:
    """Parse ``"NAME=LOW:HIGH"``, ``"NAME=LOW:HIGH:START"``, optionally ending in ``:log`` or ``:linear``."""
    if "=" not in text:
        raise SibammError(f"--param expects NAME=LOW:HIGH, got {text!r}")
    name, _, spec = text.rpartition("=")
    name = name.strip()
    parts = [p.strip() for p in spec.split(":")]
    log = None
    if parts and parts[-1].lower() in ("log", "linear", "lin"):
        log = parts.pop().lower() == "log"
    if not name or len(parts) not in (2, 3):
        raise SibammError(f"--param expects NAME=LOW:HIGH[:START][:log|:linear], got {text!r}")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        raise SibammError(f"--param {name!r}: bounds {spec!r} are not numbers (expected LOW:HIGH)") from None
    return FreeParameter(name, numbers[0], numbers[1], numbers[2] if len(numbers) == 3 else None, log)
