"""sibamm mechanics submodels."""
