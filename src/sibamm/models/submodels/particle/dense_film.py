#
# Geometry of a dense, electrolyte-free Si film: a planar slab fed from one face
#
import pybamm

from ..interface.sulfide_interphase import contact_loss_rate


def dense_film_geometry(geometry, domain):
    """Replace the Si particle domain by a Cartesian slab y in [0, L_film].

    **Why a planar 1-D dense-electrode model.** The HAL electrodes are Si (or Si@AlCl3) with 0.3 wt%
    PVDF on Cu: no solid electrolyte and no carbon in the film. Li+ can only enter at the Si|LPSC
    face, and the reaction front crosses the dense Si layer by solid-state transport. The paper's
    GITT values, 2.15e-10 (μSi) and 2.96e-10 cm2/s (Si@AlCl3) in the transformation region, need the
    film thickness as the diffusion length: Weppner-Huggins cannot return more than 4 L^2 / (pi tau)
    (:func:`sibamm.analysis.weppner_huggins_limit`), which for 15 min pulses and 1-3 μm particles
    stays near 3e-12 cm2/s. (With the fitted film diffusivity the film equilibrates within a minute,
    so the simulated GITT reads the plateau's thermodynamics, not the film diffusivity; see the HAL
    report.) A porous-electrode model in which Si itself carries the ions would need an ionic
    conductivity of LixSi as a function of lithiation and would resolve the same 1-D gradient twice
    (x for ions, r for the particles); the planar slab is the same physics with one coordinate, and
    it keeps the c-Si two-phase front and the c-Li15Si4 phase of :class:`SiliconPhaseOCP` (planar
    front area). The paper's two GITT shapes (μSi: solid-solution slope, then the plateau; Si@AlCl3:
    straight into the transformation) would then come from the parameters, not the structure. With the
    shipped parameters they do only in part: Si@AlCl3 reaches the plateau first, but both films slope
    down from ~0.4 V before it (HAL report: the GITT note and ``hal_gitt.png``). The slope comes from the
    Si|LPSC interphase, which keeps taking Li from the film in the GITT rests, and from the hysteresis state
    starting on the delithiation branch; without both, Si@AlCl3 goes straight in with this geometry
    (``validation.hal.GITT_ATTRIBUTION``).
    Electronic conduction through the same slab (:class:`DenseFilmOhm`) gives the kinetically trapped Li
    (K-Li) its mechanism.

    PyBaMM's submesh takes its coordinate system from the geometry's spatial variable,
    and its finite-volume grad, div, integral and r-average all follow the submesh. With
    a Cartesian ``r`` the particle equations of :class:`HollowShellDiffusion` (PyBaMM's
    Fickian diffusion: no flux at the left end, the interfacial flux at the right end)
    become planar diffusion through the film: y = 0 the Cu face, y = L_film the Si|SE face.
    The slab thickness is the electrode thickness ``L_film``.
    """
    d = domain
    r = pybamm.SpatialVariable(
        f"r_{d[0]}",
        domain=[f"{d} particle"],
        auxiliary_domains={"secondary": f"{d} electrode", "tertiary": "current collector"},
        coord_sys="cartesian",
    )
    L = pybamm.Parameter(f"{d.capitalize()} electrode thickness [m]")
    geometry[f"{d} particle"] = {r: {"min": pybamm.Scalar(0), "max": L}}
    return geometry


def face_area_factor(Domain):
    """``k``: Si|SE contact area per film area, relative to the half cells' face (pressed at 180 MPa).

    The soft LPSC follows the hard Si film's face further when the cell is pressed harder (the HAL full
    cells, 400 MPa): ``a = k eps_s / L_film``. Interfacial currents stay per contact area, so the slab
    takes ``k`` times the face flux and the side reactions run on ``k`` times the area."""
    return pybamm.Parameter(f"{Domain} electrode interface area factor")


class DenseFilmActiveMaterial(pybamm.active_material.LossActiveMaterial):
    """Si volume fraction and interface area of a dense film; Si|SE contact lost to voids.

    The film's Si occupies a volume fraction ``eps_s`` of the electrode layer and takes Li
    only through its face to the solid electrolyte, so the interface area per electrode
    volume is ``a = k eps_s / L_film`` (interface area ``k eps_s`` per geometric area, ``k`` the
    :func:`face_area_factor`) instead of a sphere's ``3 eps_s / R``.

    Voids and cracks at the Si|LPSC interface (:class:`SulfideInterphase`'s contact loss
    ``chi``) take part of the face out of contact. A share ``f_iso`` of the Si behind the lost
    contact is cut off from the film: lost active material, ``d eps_s/dt = -f_iso eps_s,0 d chi/dt``,
    whose Li PyBaMM counts as ``Loss of lithium due to loss of active material`` (K-Li). The
    rest stays in the film and keeps exchanging Li through the face that is left, so only the
    interface area shrinks: ``a = (eps_s / L_film) (1 - (1 - f_iso) chi)``. The current then
    crosses a smaller face: the kinetic, space-charge and interphase resistances grow as
    ``1 / (1 - chi)`` and the capacity at high rate fades without any Li being lost (the slab,
    whose face is the whole film area, takes the face-averaged flux: ``Si face contact fraction``
    times the flux through the contacts, :class:`HollowShellDiffusion`). A dense
    slurry-cast film is laterally continuous (Li diffuses along it, and every particle of a
    99.7 wt% Si film touches its neighbours), so the shipped HAL cells take ``f_iso = 0``;
    ``f_iso = 1`` is the particulate limit in which a particle that loses its SE contact is
    isolated. Without an interphase submodel the film keeps its Si and its face.
    """

    def __init__(self, param, domain, options, x_average=False, phase="primary"):
        super().__init__(param, domain, options, x_average, phase)

    def _get_standard_active_material_variables(self, eps_solid):
        variables = super()._get_standard_active_material_variables(eps_solid)
        domain, Domain = self.domain_Domain
        p = self.phase_name
        eps = variables[f"{Domain} electrode {p}active material volume fraction"]
        a = eps / self.domain_param.L * face_area_factor(Domain)
        variables.update(
            {
                f"{Domain} electrode {p}surface area to volume ratio [m-1]": a,
                f"X-averaged {domain} electrode {p}surface area to volume ratio [m-1]": pybamm.x_average(a),
            }
        )
        return variables

    def get_coupled_variables(self, variables):
        # contact fraction and interface area from states only (chi, eps_s), so that they are set
        # before the kinetics and the particle read them; the Si loss needs the current: set_rhs
        domain, Domain = self.domain_Domain
        name = f"{Domain} electrode interfacial contact loss"
        if name in variables:
            f_iso = pybamm.Parameter(f"{Domain} electrode interfacial contact loss isolated fraction")
            eps = variables[f"{Domain} electrode active material volume fraction"]
            contact = 1 - (1 - f_iso) * variables[name]
            contact_area = face_area_factor(Domain) * contact  # Si|SE contact area per film area
            a = eps / self.domain_param.L * contact_area
            variables.update(
                {
                    f"{Domain} electrode Si face contact fraction": contact,
                    f"{Domain} electrode Si face contact area per film area": contact_area,
                    f"{Domain} electrode surface area to volume ratio [m-1]": a,
                    f"X-averaged {domain} electrode surface area to volume ratio [m-1]": pybamm.x_average(a),
                }
            )
        return variables

    def set_rhs(self, variables):
        domain, Domain = self.domain_Domain
        if f"{Domain} electrode interfacial contact loss" not in variables:
            deps_dt = pybamm.FullBroadcast(0, f"{domain} electrode", "current collector")
        else:
            eps0 = pybamm.Parameter(f"{Domain} electrode active material volume fraction")
            f_iso = pybamm.Parameter(f"{Domain} electrode interfacial contact loss isolated fraction")
            deps_dt = -eps0 * f_iso * contact_loss_rate(variables, domain)
        variables.update(self._get_standard_active_material_change_variables(deps_dt))
        super().set_rhs(variables)
