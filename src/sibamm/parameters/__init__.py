"""Parameter sets as compositions of parts, each value with provenance."""

from .cells import CELLS, Cell, get_cell
from .provenance import Value

__all__ = ["CELLS", "Cell", "Value", "get_cell"]
