"""sibamm: continuum models of silicon negative electrodes, built on PyBaMM.

The top-level API::

    import sibamm
    result = sibamm.simulate("hpss_c_half", "cycling_1C", cycles=50)
    result.table                      # per-cycle metrics with units
    sibamm.validate("hpss")           # paper numbers beside the model's
    fitted = sibamm.fit("hpss_c_half", "formation", ["Si particle diffusivity [m2.s-1]=3e-16:9e-14"],
                        data="run.csv")  # time series, per-cycle table, metrics or cycler file
    z = sibamm.impedance_spectrum("hal_si_half", steps=("Discharge at 1C until -0.6 V",))  # model EIS
    sibamm.fit_randles(z["frequency [Hz]"], z["Z' [Ohm]"], z["-Z'' [Ohm]"])  # R_s + R_ct||CPE
    sibamm.compare_designs("space.toml", db="designs.sqlite", workers=2)   # design sweep
"""

__version__ = "0.1.0"

from .analysis import dqdv, dqdv_peak_ratio, dqdv_peaks, fit_randles, segment_dqdv
from .api import catalogue, compare_designs, fit, parameters, refit
from .compare import DesignSpace
from .errors import SibammError
from .impedance import impedance_spectrum
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
    "fit",
    "fit_randles",
    "get_cell",
    "impedance_spectrum",
    "parameters",
    "refit",
    "segment_dqdv",
    "simulate",
    "validate",
]
