"""sibamm: continuum models of silicon negative electrodes, built on PyBaMM.

The top-level API::

    import sibamm
    result = sibamm.simulate("hpss_c_half", "cycling_1C", cycles=50)
    result.table                      # per-cycle metrics with units
    sibamm.validate("hpss")           # paper numbers beside the model's
"""

__version__ = "0.1.0"

from .analysis import dqdv, dqdv_peaks  # noqa: E402
from .api import catalogue, parameters  # noqa: E402
from .errors import SibammError  # noqa: E402
from .models import SiliconDFN  # noqa: E402
from .parameters import get_cell  # noqa: E402
from .simulation import SimulationResult, simulate  # noqa: E402
from .validation import validate  # noqa: E402

__all__ = [
    "SibammError",
    "SiliconDFN",
    "SimulationResult",
    "catalogue",
    "dqdv",
    "dqdv_peaks",
    "get_cell",
    "parameters",
    "simulate",
    "validate",
]
