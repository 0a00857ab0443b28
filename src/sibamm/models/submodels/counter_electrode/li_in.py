#
# Li-In alloy counter electrode of a solid-state half cell
#
import pybamm
from pybamm.models.submodels.interface.open_circuit_potential import SingleOpenCircuitPotential


def li_in_parameter(name):
    """A Li-In counter-electrode parameter (PyBaMM's *Negative* slot in a half cell)."""
    return pybamm.Parameter(f"Negative electrode Li-In {name}")


class LiInOpenCircuitPotential(SingleOpenCircuitPotential):
    """Constant OCP of a two-phase Li-In alloy counter electrode.

    Li-In with a large In excess (In:Li mass ratio 20 in HAL) sits on the two-phase
    In/LiIn plateau at ~0.62 V vs Li/Li+ (Santhosha et al., Batteries & Supercaps 2019),
    independent of its small Li throughput: a constant
    ``"Counter electrode Li-In open-circuit potential [V]"``. PyBaMM's planar Li-metal
    counter electrode has 0 V hard-coded; this replaces it, so the cell voltage
    ``Voltage [V]`` is vs Li-In (the paper's frame) and vs Li = vs Li-In + U_LiIn exactly.
    """

    def get_coupled_variables(self, variables):
        T = variables[f"{self.domain.capitalize()} electrode temperature [K]"]
        U = li_in_parameter("open-circuit potential [V]")
        variables.update(self._get_standard_ocp_variables(U + 0 * T, U, 0 * T))
        return variables


class LiInButlerVolmer(pybamm.kinetics.SymmetricButlerVolmer):
    """Symmetric Butler-Volmer kinetics at the Li-In|SE interface with its own constant j0.

    ``j = 2 j0 sinh(F eta / (2 R T))``, ``j0 = "Counter electrode Li-In exchange-current
    density [A.m-2]"`` per geometric area: Li-In alloy foils are pressed against the SE,
    their exchange current is a property of that interface (fitted or assumed), not of a
    liquid's salt concentration.
    """

    def _get_exchange_current_density(self, variables):
        return li_in_parameter("exchange-current density [A.m-2]")


class LiInSurfaceForm(pybamm.electrode.ohm.LithiumMetalSurfaceForm):
    """PyBaMM's planar counter electrode, starting from the Li-In potential difference.

    PyBaMM initialises the counter electrode's ``phi_s - phi_e`` at the Li-metal value (0 V);
    the Li-In electrode sits at its OCP, so the consistent initial state is ``U_LiIn``.
    """

    def set_initial_conditions(self, variables):
        delta_phi = variables["Lithium metal interface surface potential difference [V]"]
        self.initial_conditions = {delta_phi: li_in_parameter("open-circuit potential [V]")}
