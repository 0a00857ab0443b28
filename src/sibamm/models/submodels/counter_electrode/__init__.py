"""sibamm counter-electrode submodels."""
