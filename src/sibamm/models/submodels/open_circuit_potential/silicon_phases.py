#
# Open-circuit potential of Si with hysteresis and phase transformations
#
from abc import ABC, abstractmethod

import pybamm
from pybamm.models.submodels.interface.open_circuit_potential import (
    OneStateHysteresisOpenCircuitPotential,
)

from ..smooth import smooth_min, smooth_positive, soft_positive


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

    #: Li stoichiometry held by the phase (0 for c-Si, 1 for c-Li15Si4 = Li3.75Si)
    li_stoichiometry = 0.0
    #: names of further local states the transformation needs (beyond its fraction)
    auxiliary_states = ()

    def inactive_fraction(self, fraction):
        """Fraction of the Si that this phase removes from the amorphous host."""
        return fraction

    def auxiliary_name(self, state):
        return f"{self.Domain} electrode {state}"

    def auxiliary_initial_value(self, state):
        """Initial value of an auxiliary state; phases that declare auxiliary states define it."""
        raise NotImplementedError(f"{type(self).__name__} declares the state {state!r} but no initial value")

    def auxiliary_rate(self, state, variables):
        """Time derivative of an auxiliary state; phases that declare auxiliary states define it."""
        raise NotImplementedError(f"{type(self).__name__} declares the state {state!r} but no rate")

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

    (``xi^{2/3}``: the front area of a shrinking spherical core; in a dense planar film,
    :attr:`SiliconPhaseOCP.planar`, the front area does not shrink and the power is 0.)

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
        # xi^(2/3) (sphere) or xi^0 (planar film), made linear below xi ~ 1e-2 so the Jacobian
        # stays finite at xi = 0
        if getattr(self.submodel, "planar", False):
            front_area = xi / (xi + 1e-2)
        else:
            front_area = xi / (xi + 1e-2) ** (1 / 3)
        return -k_c * front_area * smooth_positive(sto_a - sto_f, 1e-3)

    def ocp_correction(self, fraction, U, variables):
        h = variables[f"{self.Domain} electrode {self.submodel.phase_name}hysteresis state"]
        U_c = self.parameter("crystalline Si lithiation potential [V]")
        xi_w = self.parameter("crystalline Si plateau blending fraction")
        w = 1 - pybamm.exp(-pybamm.maximum(fraction, 0) / xi_w)
        sto_a = variables[f"{self.Domain} electrode amorphous LixSi surface stoichiometry"]
        sto_f = self.parameter("crystalline Si front stoichiometry")
        front_keeps_up = smooth_min((1 - sto_a) / (1 - sto_f), 1, 0.05)
        return U + w * front_keeps_up * (1 - h) / 2 * smooth_positive(U_c - U, 2e-3)


class CrystallineLi15Si4(PhaseTransformation):
    r"""Crystalline Li15Si4 (c-Li3.75Si): forms at deep lithiation, decomposes at ~0.43 V.

    c-Li15Si4 crystallises from a-Li~3.75Si when the local equilibrium potential of the
    amorphous host falls below a threshold ``U_f`` (~50-70 mV; Obrovac & Christensen,
    Electrochem. Solid-State Lett. 2004; Hatchard & Dahn, J. Electrochem. Soc. 2004), and
    it decomposes on delithiation through the quasi-two-phase plateau at ``U_d`` ~0.43 V
    (c-Li3.75Si -> a-Li~1.1Si; Obrovac & Krause 2007). The fraction ``phi`` of the Si held
    as c-Li15Si4 carries Li at stoichiometry 1, so the amorphous host has
    ``sto_a = (sto - phi) / (1 - phi - xi)``: the transformation moves Li between
    phases and never creates or destroys it.

    Kinetics: site-saturated nucleation and growth, after the crystallisation step of
    Jiang, Offer et al. (J. Electrochem. Soc. 167 130533, 2020):

    .. math::
        \dot\phi = k_g\, F\, (n - \phi)^+\, \frac{(1-\phi-\xi-f_r)^+}{1 - f_r}\, s_h
                   - k_d\, D\, \frac{\phi}{\phi + 10^{-2}},\qquad
        \dot n = (k_n F + \beta\, r_d)(1 - n)

    ``n`` is the fraction of the Si that holds nucleation sites and can crystallise;
    ``F = max(U_f - U, 0) / w`` is the undercooling and ``D = max(U - U_d, 0) / w`` the
    overpotential of decomposition, where ``U`` is the local equilibrium potential at the
    particle surface (the host's hysteresis mixture, held at ~0.10 V while the pristine
    c-Si front runs); ``f_r`` is the amorphous fraction that never crystallises (surfaces,
    grain boundaries); ``s_h`` the host's readiness (host near a-Li3.75Si, above the
    nucleation stoichiometry); ``r_d`` the decomposition rate. Grain boundaries and defects
    seed the crystal (``n(0)``: polycrystalline Si crystallises in its first deep
    lithiation); homogeneous nucleation adds seeds slowly under undercooling (``k_n``); and
    each c -> a decomposition leaves a dealloyed, continuous Si framework that seeds the
    next crystal (``beta``; Ogata, Ko et al., FRM in SCIENCE.md). This is what lets
    single-crystalline Si nanoparticles form no crystal in cycle 1 and a dominant one by
    cycle 4. The decomposition holds the host at the composition where its delithiation
    potential equals ``U_d``: the 0.43 V plateau. Every threshold and rate is a parameter
    with provenance (:mod:`sibamm.parameters.materials`).
    """

    name = "crystalline Li15Si4"
    li_stoichiometry = 1.0
    auxiliary_states = ("crystalline Li15Si4 nucleation site fraction",)

    def initial_value(self):
        return pybamm.Scalar(0)

    def auxiliary_initial_value(self, state):
        return self.parameter("crystalline Li15Si4 initial nucleation site fraction")

    def _drives(self, fraction, variables):
        # the local equilibrium potential at the particle surface: the host's branch mixture
        # after the other phases' corrections (the c-Si front pins it at ~0.10 V)
        U = variables[f"{self.Domain} electrode amorphous host open-circuit potential [V]"]
        sto_a = variables[f"{self.Domain} electrode amorphous LixSi surface stoichiometry"]
        w = self.parameter("crystalline Li15Si4 potential width [V]")
        U_f = self.parameter("crystalline Li15Si4 formation potential [V]")
        U_d = self.parameter("crystalline Li15Si4 decomposition potential [V]")
        undercooling = soft_positive(U_f - U, 1e-3) / w
        overpotential = soft_positive(U - U_d, 1e-3) / w
        return sto_a, undercooling, overpotential

    def decomposition_rate(self, fraction, variables):
        _, _, overpotential = self._drives(fraction, variables)
        phi = pybamm.maximum(fraction, 0)
        k_d = self.parameter("crystalline Li15Si4 decomposition rate constant [s-1]")
        return k_d * overpotential * phi / (phi + 1e-2)

    def rate(self, fraction, variables):
        sto_a, undercooling, _ = self._drives(fraction, variables)
        n = variables[self.auxiliary_name(self.auxiliary_states[0])]
        host = variables[f"{self.Domain} electrode amorphous LixSi fraction"]
        sto_n = self.parameter("crystalline Li15Si4 nucleation stoichiometry")
        ready = soft_positive(sto_a - sto_n, 1e-3) / (1 - sto_n)
        k_g = self.parameter("crystalline Li15Si4 growth rate constant [s-1]")
        residual = self.parameter("crystalline Li15Si4 residual amorphous fraction")
        room = soft_positive(host - residual, 1e-3)
        seeded = soft_positive(n - fraction, 1e-3)
        growth = k_g * undercooling * seeded * room / (1 - residual) * ready
        return growth - self.decomposition_rate(fraction, variables)

    def auxiliary_rate(self, state, variables):
        fraction = variables[self.variable_name()]
        _, undercooling, _ = self._drives(fraction, variables)
        k_n = self.parameter("crystalline Li15Si4 nucleation rate constant [s-1]")
        beta = self.parameter("crystalline Li15Si4 framework nucleation yield")
        n = variables[self.auxiliary_name(state)]
        return (k_n * undercooling + beta * self.decomposition_rate(fraction, variables)) * (1 - n)


class SiliconPhaseOCP(OneStateHysteresisOpenCircuitPotential):
    """Amorphous LixSi OCP with one-state hysteresis plus phase-transformation states.

    The amorphous host follows PyBaMM's one-state hysteresis model (Axen et al.,
    J. Energy Storage 2022): ``U = (1+h)/2 U_delith + (1-h)/2 U_lith``. The branches
    are evaluated at the stoichiometry of the amorphous part of the Si,
    ``sto_a = (sto - sum_k f_k x_k) / (1 - sum_k f_k)``, where ``f_k`` are the fractions
    held by the phases in :attr:`transformations` (each a :class:`PhaseTransformation`)
    and ``x_k`` their Li stoichiometry. The default list holds
    :class:`PristineCrystallineSi` and :class:`CrystallineLi15Si4`.
    """

    transformations = (PristineCrystallineSi, CrystallineLi15Si4)
    #: set by :class:`sibamm.models.SiliconDFN` for a dense film: planar transformation fronts
    planar = False

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
            for state in phase.auxiliary_states:
                a = pybamm.Variable(
                    phase.auxiliary_name(state),
                    domains={"primary": f"{domain} electrode", "secondary": "current collector"},
                )
                variables[phase.auxiliary_name(state)] = a
                variables[f"X-averaged {domain} electrode {state}"] = pybamm.x_average(a)
        return variables

    def _amorphous_host_fraction(self, variables):
        host = 1
        for phase in self.phases:
            host = host - phase.inactive_fraction(variables[phase.variable_name()])
        return pybamm.maximum(host, 1e-3)

    def _li_held_by_phases(self, variables):
        held = pybamm.Scalar(0)
        for phase in self.phases:
            if phase.li_stoichiometry:
                held = held + phase.li_stoichiometry * pybamm.maximum(variables[phase.variable_name()], 0)
        return held

    def get_coupled_variables(self, variables):
        domain, Domain = self.domain_Domain
        p = self.phase_name
        host = self._amorphous_host_fraction(variables)
        sto_surf = variables[f"{Domain} {p}particle surface stoichiometry"]
        sto_bulk = variables[f"{Domain} electrode {p}stoichiometry"]
        T = variables[f"{Domain} electrode temperature [K]"]
        held = self._li_held_by_phases(variables)
        sto_a = smooth_min(smooth_positive(sto_surf - held, 1e-4) / host, 1 - 1e-6, 1e-3)
        sto_a_bulk = pybamm.minimum(
            pybamm.maximum(sto_bulk - pybamm.x_average(held), 1e-6) / pybamm.x_average(host), 1 - 1e-6
        )
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
        variables[f"{Domain} electrode amorphous LixSi fraction"] = host
        variables[f"X-averaged {domain} electrode amorphous LixSi fraction"] = pybamm.x_average(host)
        variables[f"X-averaged {domain} electrode amorphous LixSi surface stoichiometry"] = pybamm.x_average(
            sto_a
        )
        for phase in self.phases:
            ocp_surf = phase.ocp_correction(variables[phase.variable_name()], ocp_surf, variables)
        variables[f"{Domain} electrode amorphous host open-circuit potential [V]"] = ocp_surf
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
        self._set_hysteresis_rhs(variables)
        for phase in self.phases:
            f = variables[phase.variable_name()]
            self.rhs[f] = phase.rate(f, variables)
            for state in phase.auxiliary_states:
                self.rhs[variables[phase.auxiliary_name(state)]] = phase.auxiliary_rate(state, variables)

    def _set_hysteresis_rhs(self, variables):
        """PyBaMM's one-state hysteresis rate, with the interfacial current written twice, not four times.

        ``dh/dt = gamma i / (F c_max eps) (1 - sign(i) h) / 2`` with ``gamma`` the lithiation
        (``i < 0``) or delithiation decay rate equals
        ``[i (g_l (1+h) + g_d (1-h)) + |i| (g_d (1-h) - g_l (1+h))] / (4 F c_max eps)``. The current
        carries the whole OCP and kinetics expression, so each copy counts.

        In a dense film at rest every x-point sits exactly at ``i ~ 0`` (no redistribution between
        points), and the kink of ``|i|`` makes the solver's error test fail at tight tolerances; there
        ``|i|`` is smoothed as ``i tanh(i / i_s)``, ``i_s`` the volumetric current of C/10^4, so the
        switch is unchanged wherever the electrode is being (de)lithiated. Porous electrodes keep
        PyBaMM's exact form.
        """
        domain, Domain = self.domain_Domain
        p = self.phase_name
        pp = self.phase_param
        pre = f"X-averaged {domain}" if self.x_average else Domain
        i_vol = variables[f"{pre} electrode {p}volumetric interfacial current density [A.m-3]"]
        sto_surf = variables[f"{pre} {p}particle surface stoichiometry"]
        T = variables[f"{pre} electrode temperature [K]"]
        h = variables[f"{pre} electrode {p}hysteresis state"]
        eps = pybamm.x_average(pp.epsilon_s) if self.x_average else pp.epsilon_s
        scale = self.param.F * pp.c_max * eps
        if self.planar:
            magnitude = i_vol * pybamm.tanh(i_vol / (1e-4 * scale / 3600))
        else:
            magnitude = abs(i_vol)
        g_lith = pp.hysteresis_decay(sto_surf, T, "lithiation") * (1 + h)
        g_delith = pp.hysteresis_decay(sto_surf, T, "delithiation") * (1 - h)
        rate = i_vol * (g_lith + g_delith) + magnitude * (g_delith - g_lith)
        self.rhs[h] = rate / (4 * scale)

    def set_initial_conditions(self, variables):
        super().set_initial_conditions(variables)
        for phase in self.phases:
            self.initial_conditions[variables[phase.variable_name()]] = phase.initial_value()
            for state in phase.auxiliary_states:
                self.initial_conditions[variables[phase.auxiliary_name(state)]] = (
                    phase.auxiliary_initial_value(state)
                )
