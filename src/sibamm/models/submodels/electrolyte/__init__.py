"""sibamm electrolyte submodels."""
