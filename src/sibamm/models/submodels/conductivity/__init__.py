"""sibamm conductivity submodels."""
