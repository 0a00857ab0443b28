"""sibamm interface submodels."""
