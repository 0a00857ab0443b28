"""sibamm's model options: the physics choices on top of PyBaMM's options, validated in one place."""

from __future__ import annotations

from ..errors import SibammError

#: option name -> (default, allowed values)
SIBAMM_OPTIONS = {
    "cell": ("half", ("half", "full")),
    "particle shape": ("hollow sphere", ("hollow sphere", "spherical", "dense film")),
    "silicon phases": (
        "pristine crystalline and Li15Si4",
        ("amorphous", "pristine crystalline", "pristine crystalline and Li15Si4"),
    ),
    "volume change": ("inward breathing", ("inward breathing",)),
    "loss of active material": ("swelling-driven", ("swelling-driven", "none")),
    "SEI": ("formation and breathing", ("formation and breathing", "none", "sulfide interphase")),
    "Si conductivity": ("lithiation dependent", ("lithiation dependent", "constant")),
    "Li2S formation": ("none", ("none", "irreversible")),
    "electrolyte": ("liquid", ("liquid", "single-ion solid")),
    "counter electrode": ("Li metal", ("Li metal", "Li-In")),
    "residual AlCl3": ("none", ("none", "lithiated")),
    "interface kinetics": ("Butler-Volmer", ("Butler-Volmer", "space-charge limited")),
    "positive electrode loss of active material": ("none", ("none", "current-driven")),
}


def resolve_options(options: dict | None) -> dict:
    """Fill defaults and reject unknown option names or values with a one-line error."""
    options = dict(options or {})
    resolved = {}
    if options.get("electrolyte") == "single-ion solid" and "SEI" not in options:
        options["SEI"] = "sulfide interphase"  # the liquid default has no meaning against a sulfide
    for name, (default, allowed) in SIBAMM_OPTIONS.items():
        value = options.pop(name, default)
        if value not in allowed:
            raise SibammError(f"option {name!r} = {value!r} is not allowed; choose from {list(allowed)}")
        resolved[name] = value
    if resolved["Li2S formation"] != "none" and resolved["SEI"] == "none":
        raise SibammError(
            "option 'Li2S formation' needs an interfacial side reaction: set 'SEI' to "
            "'formation and breathing' or 'Li2S formation' to 'none'"
        )
    solid = resolved["electrolyte"] == "single-ion solid"
    if resolved["counter electrode"] != "Li metal" and resolved["cell"] != "half":
        raise SibammError(
            f"option 'counter electrode' = {resolved['counter electrode']!r} needs a half cell; "
            "a full cell has no counter electrode: leave it 'Li metal' or set 'cell' to 'half'"
        )
    if resolved["positive electrode loss of active material"] != "none" and resolved["cell"] != "full":
        raise SibammError(
            "option 'positive electrode loss of active material' needs a full cell (a half cell's positive "
            "electrode is the Si): set 'cell' to 'full' or leave it 'none'"
        )
    if resolved["particle shape"] == "dense film" and not solid:
        raise SibammError(
            "option 'particle shape' = 'dense film' needs 'electrolyte' = 'single-ion solid' "
            "(a dense film holds no liquid electrolyte)"
        )
    if resolved["SEI"] == "sulfide interphase" and not solid:
        raise SibammError(
            "option 'SEI' = 'sulfide interphase' needs 'electrolyte' = 'single-ion solid'; "
            "with a liquid electrolyte use 'formation and breathing' or 'none'"
        )
    if resolved["SEI"] == "formation and breathing" and solid:
        raise SibammError(
            "option 'SEI' = 'formation and breathing' is the liquid-electrolyte SEI; with "
            "'electrolyte' = 'single-ion solid' use 'sulfide interphase' or 'none'"
        )
    if resolved["residual AlCl3"] != "none" and resolved["SEI"] == "none":
        raise SibammError(
            "option 'residual AlCl3' needs an interfacial side reaction: set 'SEI' to "
            "'sulfide interphase' (or 'formation and breathing') or 'residual AlCl3' to 'none'"
        )
    if resolved["interface kinetics"] == "space-charge limited" and resolved["SEI"] == "none":
        raise SibammError(
            "option 'interface kinetics' = 'space-charge limited' needs an SEI-type option (its step reads "
            "PyBaMM's total interfacial current state): set 'SEI' or use 'Butler-Volmer'"
        )
    if options:
        bad = sorted(options)[0]
        raise SibammError(f"unknown model option {bad!r}; known options: {sorted(SIBAMM_OPTIONS)}")
    return resolved
