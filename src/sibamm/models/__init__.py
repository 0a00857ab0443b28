"""sibamm models: Si cells built from PyBaMM's DFN and sibamm's submodels."""

from . import submodels
from .options import SIBAMM_OPTIONS, resolve_options
from .si_cells import SiliconDFN

__all__ = ["SIBAMM_OPTIONS", "SiliconDFN", "resolve_options", "submodels"]
