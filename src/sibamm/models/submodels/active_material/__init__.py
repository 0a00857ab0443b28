"""sibamm active material submodels."""
