"""sibamm porosity submodels."""
