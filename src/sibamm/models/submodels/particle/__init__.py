"""sibamm particle submodels."""
