#
# Charge transfer at the face of Li-poor (semiconducting) Si: a space-charge step in series
#
import pybamm

from ..conductivity.lithiation_dependent import electrode_si_phase_conductivity


class SpaceChargeLimitedButlerVolmer(pybamm.kinetics.SymmetricButlerVolmer):
    r"""Symmetric Butler-Volmer kinetics of the Si main reaction in series with the space-charge
    layer of Li-poor Si.

    Li-poor Si is a semiconductor; LixSi is metallic (Pollak et al., Phys. Rev. Lett. 2009). At a
    semiconductor electrode the applied potential drops in the space-charge layer and the electron
    (majority-carrier) exchange across it changes exponentially with the whole drop (transfer
    coefficient 1; Gerischer; Bard & Faulkner, *Electrochemical Methods*, 2nd ed., ch. 18; Memming,
    *Semiconductor Electrochemistry*, ch. 7). That step is in series with the Butler-Volmer reaction and
    takes part of the overpotential:

    .. math::
        j = 2 j_0 \sinh\left(\frac{F(\eta - \eta_{sc})}{2RT}\right),\qquad
        \eta_{sc} = \frac{RT}{F}\,\mathrm{asinh}\left(\frac{j_{tot}}{2 j_{sc}}\right),\qquad
        j_{sc} = j_{sc,lith} \left(\frac{\sigma(sto_a)}{\sigma_{lith}}\right)^{n}

    with ``j_tot`` PyBaMM's algebraic total interfacial current (the one its SEI film drop uses),
    :func:`electrode_si_phase_conductivity` the film's lithiation-dependent conductivity (same law and
    parameters as the electronic drop) at the amorphous host's face stoichiometry ``sto_a`` (pristine
    c-Si holds no Li: its face stays Li-poor until the a-LixSi front reaches it), and ``j_sc`` the
    carrier supply,
    which scales with the carrier density. Its small-signal resistance at open circuit,
    ``R_sc = R T / (2 F j_sc)`` [Ohm m2], is the EIS Rct of Li-poor Si (HAL: 470 Ohm bare vs 16.5 Ohm
    lithiated; the Al(Si)OCl-coated Si@AlCl3 conducts 40x better and rises less), while under load
    the step costs only ``(RT/F) ln(|j| / j_sc)``: kinetic, not ohmic. On a lithiated (metallic) face
    it vanishes. The cathodic branch (lithiation, accumulation) is the textbook one; a depleted
    anodic branch would saturate at the minority-carrier supply, which the symmetric form does not
    model (delithiation of a Li-poor face is already limited by the film's emptied surface).

    **The amorphised face.** The first lithiation turns the c-Si face into a-LixSi, and nothing turns
    it back. Delithiated a-Si is not the pristine crystal: its dangling-bond states carry a hopping
    conduction that intrinsic c-Si lacks (Mott & Davis, *Electronic Processes in Non-Crystalline
    Materials*, 2nd ed., 1979, ch. 6; Street, *Hydrogenated Amorphous Silicon*, 1991, ch. 7: defect
    densities of 1e19-1e20 cm-3 in unhydrogenated a-Si). The face's delithiated end point is
    therefore ``r^A sigma_Si`` with ``A = max(1 - xi/xi_0, 0)`` the amorphised share of the Si
    (``xi`` the pristine crystalline Si fraction, ``xi_0`` its initial value; the film's average
    stands in for its face, which the front crosses first) and ``r`` the amorphised-face factor:
    HAL's Rct after delithiation and after the rest falls below the pristine value (uSi 470 ->
    189 Ohm, Si@AlCl3 71 -> 36 / 27 Ohm) although the emptied film holds less Li than the pristine
    one. Only the face's carrier supply takes ``r``: the film's electronic path is limited by the
    particle contacts (:mod:`sibamm.parameters.halogenation`), which amorphisation does not remove.
    Without the pristine c-Si phase nothing amorphises and ``A = 0``.

    Parameters (``Si electrode`` prefix): ``space-charge exchange current density when lithiated
    [A.m-2]`` (``j_sc,lith``), ``space-charge conductivity exponent`` (``n``), ``space-charge
    amorphised face conductivity factor`` (``r``) and the four ``Si phase conductivity ...``
    parameters of the conductivity submodels. Needs PyBaMM's distributed SEI film resistance (any
    SEI option other than "none"), which provides ``j_tot``.
    """

    def _p(self, name):
        return pybamm.Parameter(f"{self.domain.capitalize()} electrode {name}")

    def _amorphised_face_factor(self, variables):
        """``r^A``, the delithiated face's conductivity over the pristine crystal's (class docstring)."""
        xi = variables.get(f"{self.domain.capitalize()} electrode pristine crystalline Si fraction")
        if xi is None:
            return pybamm.Scalar(1)
        amorphised = pybamm.maximum(1 - pybamm.maximum(xi, 0) / self._p("initial crystalline Si fraction"), 0)
        return self._p("space-charge amorphised face conductivity factor") ** amorphised

    def _space_charge_exchange_current(self, variables, face_factor):
        Domain = self.domain.capitalize()
        sigma_lith = self._p("Si phase conductivity when lithiated [S.m-1]")
        sigma = electrode_si_phase_conductivity(
            variables[f"{Domain} electrode amorphous LixSi surface stoichiometry"], Domain, face_factor
        )
        exponent = self._p("space-charge conductivity exponent")
        return (
            self._p("space-charge exchange current density when lithiated [A.m-2]")
            * (sigma / sigma_lith) ** exponent
        )

    def get_coupled_variables(self, variables):
        if self.reaction != "lithium-ion main":
            return super().get_coupled_variables(variables)
        domain, Domain = self.domain, self.domain.capitalize()
        face_factor = self._amorphised_face_factor(variables)
        j_sc = self._space_charge_exchange_current(variables, face_factor)
        j_tot = variables[f"Total {domain} electrode interfacial current density variable [A.m-2]"]
        T = variables[f"{Domain} electrode temperature [K]"]
        RT_F = self.param.R * T / self.param.F
        self._eta_sc = RT_F * pybamm.arcsinh(j_tot / (2 * j_sc))
        variables = super().get_coupled_variables(variables)
        for name, value in (
            ("space-charge exchange current density [A.m-2]", j_sc),
            ("space-charge overpotential [V]", self._eta_sc),
            ("space-charge amorphised face factor", face_factor),
        ):
            variables[f"{Domain} electrode {name}"] = value
            variables[f"X-averaged {domain} electrode {name}"] = pybamm.x_average(value)
        return variables

    def _get_kinetics(self, j0, ne, eta_r, T, u):
        if self.reaction == "lithium-ion main":
            eta_r = eta_r - self._eta_sc
        return super()._get_kinetics(j0, ne, eta_r, T, u)
