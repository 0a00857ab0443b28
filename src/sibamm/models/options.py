"""sibamm's model options: the physics choices on top of PyBaMM's options, validated in one place."""

from __future__ import annotations

from ..errors import SibammError

#: option name -> (default, allowed values)
SIBAMM_OPTIONS = {
    "cell": ("half", ("half", "full")),
    "particle shape": ("hollow sphere", ("hollow sphere", "spherical")),
    "silicon phases": (
        "pristine crystalline and Li15Si4",
        ("amorphous", "pristine crystalline", "pristine crystalline and Li15Si4"),
    ),
    "volume change": ("inward breathing", ("inward breathing",)),
    "loss of active material": ("swelling-driven", ("swelling-driven", "none")),
    "SEI": ("formation and breathing", ("formation and breathing", "none")),
    "Si conductivity": ("lithiation dependent", ("lithiation dependent", "constant")),
}


def resolve_options(options: dict | None) -> dict:
    """Fill defaults and reject unknown option names or values with a one-line error."""
    options = dict(options or {})
    resolved = {}
    for name, (default, allowed) in SIBAMM_OPTIONS.items():
        value = options.pop(name, default)
        if value not in allowed:
            raise SibammError(f"option {name!r} = {value!r} is not allowed; choose from {list(allowed)}")
        resolved[name] = value
    if options:
        bad = sorted(options)[0]
        raise SibammError(f"unknown model option {bad!r}; known options: {sorted(SIBAMM_OPTIONS)}")
    return resolved
