"""Dopant physics of Si: how a dopant content changes the material's transport."""
