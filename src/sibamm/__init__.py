"""sibamm: continuum models of silicon negative electrodes, built on PyBaMM."""

__version__ = "0.1.0"
