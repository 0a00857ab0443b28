"""sibamm open circuit potential submodels."""
