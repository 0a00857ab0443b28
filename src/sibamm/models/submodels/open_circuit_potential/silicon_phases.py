#
# Open-circuit potential of Si with hysteresis and phase transformations
#
from abc import ABC, abstractmethod

import pybamm
from pybamm.models.submodels.interface.open_circuit_potential import (
    OneStateHysteresisOpenCircuitPotential,
)

from ..smooth import smooth_min, smooth_positive


class PhaseTransformation(ABC):
    """One phase transformation of Si, local to each electrode position.

    A transformation owns one state (a volume fraction of the Si), its initial value,
    its rate, and the fraction of the Si that is *not* amorphous LixSi and holds no
    cyclable Li. :class:`SiliconPhaseOCP` composes a list of them, so a new phase
    (for example crystalline Li15Si4) extends the OCP without replacing it.
    Every number is a named parameter, prefixed by the electrode domain.
    """

    #: short name used in variable names, e.g. "pristine crystalline Si"
    name = ""

    def __init__(self, submodel):
        self.submodel = submodel
        self.Domain = submodel.domain.capitalize()

    def parameter(self, name):
        return pybamm.Parameter(f"{self.Domain} electrode {name}")

    def variable_name(self):
        return f"{self.Domain} electrode {self.name} fraction"

    @abstractmethod
    def initial_value(self):
        """Initial fraction (a parameter)."""

    @abstractmethod
    def rate(self, fraction, variables):
        """Time derivative of the fraction [s-1]."""

    def inactive_fraction(self, fraction):
        """Fraction of the Si that this phase removes from the amorphous host."""
        return fraction

    def ocp_correction(self, fraction, U, variables):
        """Return the OCP after this phase's contribution (default: unchanged)."""
        return U


class PristineCrystallineSi(PhaseTransformation):
    """Pristine crystalline Si, amorphised irreversibly in the first lithiation.

    c-Si lithiates through a two-phase front c-Si -> a-Li~3.5Si at a flat potential
    ``U_c`` (~0.10 V; Obrovac & Christensen, Electrochem. Solid-State Lett. 2004;
    Key et al., JACS 2009). The crystal holds no Li: the amorphous host holds it at
    ``sto_a = sto / (1 - xi)``. Once the host is filled beyond the front composition
    ``sto_f`` the front advances (shrinking core):

    .. math:: \\dot\\xi = -k_c\\, \\xi^{2/3} \\max(sto_a - sto_f, 0)

    While crystal remains and the electrode lithiates (hysteresis state ``h -> -1``),
    the c-Si/a-LixSi equilibrium holds the OCP up at ``U_c``:
    ``U <- U + w g (1-h)/2 max(U_c - U, 0)`` with ``w = 1 - exp(-xi / xi_w)``. When the
    front lags (fast lithiation, slow ``k_c``) the host overfills, ``sto_a > sto_f``,
    and ``g = clip((1 - sto_a)/(1 - sto_f), 0, 1)`` lets the potential fall to the
    amorphous branch: the first-lithiation capacity then depends on rate.
    Nothing converts a-Si back to c-Si, so from the first delithiation on the
    electrode is amorphous.
    """

    name = "pristine crystalline Si"

    def initial_value(self):
        return self.parameter("initial crystalline Si fraction")

    def rate(self, fraction, variables):
        sto_a = variables[f"{self.Domain} electrode amorphous LixSi surface stoichiometry"]
        sto_f = self.parameter("crystalline Si front stoichiometry")
        k_c = self.parameter("crystalline Si amorphisation rate constant [s-1]")
        xi = pybamm.maximum(fraction, 0)
        # xi^(2/3), made linear below xi ~ 1e-2 so the Jacobian stays finite at xi = 0
        shrinking_core = xi / (xi + 1e-2) ** (1 / 3)
        return -k_c * shrinking_core * smooth_positive(sto_a - sto_f, 1e-3)

    def ocp_correction(self, fraction, U, variables):
        h = variables[f"{self.Domain} electrode {self.submodel.phase_name}hysteresis state"]
        U_c = self.parameter("crystalline Si lithiation potential [V]")
        xi_w = self.parameter("crystalline Si plateau blending fraction")
        w = 1 - pybamm.exp(-pybamm.maximum(fraction, 0) / xi_w)
        sto_a = variables[f"{self.Domain} electrode amorphous LixSi surface stoichiometry"]
        sto_f = self.parameter("crystalline Si front stoichiometry")
        front_keeps_up = smooth_min((1 - sto_a) / (1 - sto_f), 1, 0.05)
        return U + w * front_keeps_up * (1 - h) / 2 * smooth_positive(U_c - U, 2e-3)


class SiliconPhaseOCP(OneStateHysteresisOpenCircuitPotential):
    """Amorphous LixSi OCP with one-state hysteresis plus phase-transformation states.

    The amorphous host follows PyBaMM's one-state hysteresis model (Axen et al.,
    J. Energy Storage 2022): ``U = (1+h)/2 U_delith + (1-h)/2 U_lith``. The branches
    are evaluated at the stoichiometry of the amorphous part of the Si,
    ``sto_a = sto / (1 - sum_k f_k)``, where ``f_k`` are the fractions held by the
    phases in :attr:`transformations` (each a :class:`PhaseTransformation`).
    The default list holds :class:`PristineCrystallineSi`; phases such as
    crystalline Li15Si4 extend the list.
    """

    transformations = (PristineCrystallineSi,)

    def __init__(
        self, param, domain, reaction, options, phase="primary", x_average=False, transformations=None
    ):
        super().__init__(param, domain, reaction, options, phase=phase, x_average=x_average)
        classes = self.transformations if transformations is None else transformations
        self.phases = [cls(self) for cls in classes]

    def get_fundamental_variables(self):
        variables = super().get_fundamental_variables()
        domain, _Domain = self.domain_Domain
        for phase in self.phases:
            f = pybamm.Variable(
                phase.variable_name(),
                domains={"primary": f"{domain} electrode", "secondary": "current collector"},
            )
            variables[phase.variable_name()] = f
            variables[f"X-averaged {domain} electrode {phase.name} fraction"] = pybamm.x_average(f)
        return variables

    def _amorphous_host_fraction(self, variables):
        host = 1
        for phase in self.phases:
            host = host - phase.inactive_fraction(variables[phase.variable_name()])
        return pybamm.maximum(host, 1e-3)

    def get_coupled_variables(self, variables):
        domain, Domain = self.domain_Domain
        p = self.phase_name
        host = self._amorphous_host_fraction(variables)
        sto_surf = variables[f"{Domain} {p}particle surface stoichiometry"]
        sto_bulk = variables[f"{Domain} electrode {p}stoichiometry"]
        T = variables[f"{Domain} electrode temperature [K]"]
        sto_a = smooth_min(sto_surf / host, 1 - 1e-6, 1e-3)
        sto_a_bulk = pybamm.minimum(sto_bulk / pybamm.x_average(host), 1 - 1e-6)
        T_bulk = pybamm.xyzs_average(T)
        h = variables[f"{Domain} electrode {p}hysteresis state"]
        pp = self.phase_param
        U_lith, U_delith = pp.U(sto_a, T, "lithiation"), pp.U(sto_a, T, "delithiation")
        ocp_surf = (1 + h) / 2 * U_delith + (1 - h) / 2 * U_lith
        hb = pybamm.x_average(h)
        ocp_bulk = (1 + hb) / 2 * pp.U(sto_a_bulk, T_bulk, "delithiation") + (1 - hb) / 2 * pp.U(
            sto_a_bulk, T_bulk, "lithiation"
        )
        variables[f"{Domain} electrode amorphous LixSi surface stoichiometry"] = sto_a
        variables[f"X-averaged {domain} electrode amorphous LixSi surface stoichiometry"] = pybamm.x_average(
            sto_a
        )
        for phase in self.phases:
            ocp_surf = phase.ocp_correction(variables[phase.variable_name()], ocp_surf, variables)
        variables.update(
            {
                f"{Domain} electrode {p}OCP hysteresis [V]": U_lith - U_delith,
                f"X-averaged {domain} electrode {p}OCP hysteresis [V]": pybamm.x_average(U_lith - U_delith),
                f"{Domain} electrode {p}equilibrium open-circuit potential [V]": pp.U(sto_a, T),
                f"X-averaged {domain} electrode {p}equilibrium open-circuit potential [V]": (
                    pybamm.x_average(pp.U(sto_a, T))
                ),
            }
        )
        variables.update(self._get_standard_ocp_variables(ocp_surf, ocp_bulk, pp.dUdT(sto_a)))
        return variables

    def set_rhs(self, variables):
        super().set_rhs(variables)
        for phase in self.phases:
            f = variables[phase.variable_name()]
            self.rhs[f] = phase.rate(f, variables)

    def set_initial_conditions(self, variables):
        super().set_initial_conditions(variables)
        for phase in self.phases:
            self.initial_conditions[variables[phase.variable_name()]] = phase.initial_value()
