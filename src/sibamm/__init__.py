"""sibamm: continuum models of silicon negative electrodes, built on PyBaMM.

The top-level API::

    import sibamm
    result = sibamm.simulate("hpss_c_half", "cycling_1C", cycles=50)
    result.table                      # per-cycle metrics with units
    sibamm.validate("hpss")           # paper numbers beside the model's
    sibamm.compare_designs("space.toml", db="designs.sqlite", workers=2)   # design sweep
"""

__version__ = "0.1.0"

from .analysis import dqdv, dqdv_peak_ratio, dqdv_peaks, segment_dqdv
from .api import catalogue, compare_designs, parameters
from .compare import DesignSpace
from .errors import SibammError
from .models import SiliconDFN
from .parameters import get_cell
from .simulation import SimulationResult, simulate
from .validation import validate

__all__ = [
    "DesignSpace",
    "SibammError",
    "SiliconDFN",
    "SimulationResult",
    "catalogue",
    "compare_designs",
    "dqdv",
    "dqdv_peak_ratio",
    "dqdv_peaks",
    "get_cell",
    "parameters",
    "segment_dqdv",
    "simulate",
    "validate",
]
