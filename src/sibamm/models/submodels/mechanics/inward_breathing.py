#
# Volume change of hollow porous Si particles: inward breathing and residual swelling
#
import pybamm

from ..smooth import smooth_abs, smooth_max, smooth_positive, smooth_step


class InwardBreathing(pybamm.BaseSubModel):
    """Geometry of a hollow porous Si particle that "breathes inward", and electrode swelling.

    Volumes are relative to the pristine shell envelope ``V_e0 = 4/3 pi (R_out^3 - R_in^3)``
    (``rho = R_in/R_out``). With ``c`` the R-averaged Li concentration per unexpanded Si
    volume and ``Omega`` the partial molar volume of Li in LixSi (Beaulieu et al. 2001:
    ~9e-6 m3/mol, i.e. +280% at Li3.75Si):

    1. Si skeleton volume ``v_s = 1 + Omega c``.
    2. The shell pores absorb the expansion first: the envelope must grow only when the
       skeleton, and the SEI grown on the internal (pore) surface, no longer fit at the
       minimum shell porosity ``eps_min``,
       ``b = [v_s (1 - eps_sh) + phi_SEI] / (1 - eps_min)``, with ``phi_SEI`` the SEI volume
       per pristine envelope volume; the envelope is ``e = max(1 + s_p, b)`` with ``s_p``
       the residual (plastic) envelope swelling. SEI thus slowly uses up the breathing
       room, after which the outer surface moves every cycle.
    3. A fraction ``f_in`` of the envelope growth goes inward into the core void, saturating
       at the void volume; the rest moves the outer surface. Per pristine outer volume,
       with ``g = (e - 1)(1 - rho^3)``: inward ``i = rho^3 (1 - exp(-f_in g / rho^3))``,
       ``(R_out/R_out0)^3 = 1 + g - i`` and ``(R_in/R_out0)^3 = rho^3 - i``. A solid
       sphere (``rho -> 0``) grows outward only.
    4. Residual swelling accumulates (ratcheting) while the envelope is pushed beyond
       the pristine one: ``ds_p/dt = [k_1 H(b - 1 - s_p) + k_2 H(b - 1)] (db/dt)_+ (1 - s_p/s_max)``;
       ``k_1`` is plastic yield on first exceeding the reference envelope, ``k_2`` the
       cyclic ratchet.
    5. Two strain rates drive damage (loss of contact, SEI cracking): the Si skeleton's
       ``d ln v_s/dt`` (inside the shell, every cycle) and the outer surface's
       ``d ln V_out/dt`` (only once pores and void no longer absorb the expansion). Damage
       per unit strain scales with the fracture factor ``(|d ln v_s/dt| / r_ref)^(m-1)``:
       diffusion-induced stress grows with the strain rate (Christensen & Newman 2006) and
       crack growth with stress to the Paris exponent ``m`` (Deshpande et al. 2012, as in
       PyBaMM's cracking model), so slow cycling damages less per cycle.
    6. Electrode level: a fraction ``f_L`` of the outer particle volume change thickens the
       electrode, the rest fills electrode pores:
       ``Delta L / L_0 = f_L eps_o0 (V_out/V_out0 - 1)`` and
       ``d eps/dt = -(1 - f_L) eps_o0 dV_out/dt`` (see
       :class:`sibamm.models.submodels.SwellingPorosity`). Damage uses the outer strain
       from lithiation only; the porosity follows the total, SEI included.

    Approximation: PyBaMM's mesh cannot move, so the electrode thickness, particle radius
    and shell thickness are *outputs*; the particle diffusion domain and the
    electrode length keep their reference size, and swelling reaches transport only
    through the porosity (pore volume per reference electrode volume) and the
    loss of active material driven by the outer strain rate.

    Calibrated against in-situ TEM of a single HPSS@C particle (HPSS paper): outer
    diameter < +10% and shell +22% when lithiated; +4% and +17% after delithiation.
    """

    def __init__(self, param, domain, options=None):
        super().__init__(param, domain, options=options)

    def _p(self, name):
        return pybamm.Parameter(f"{self.domain.capitalize()} {name}")

    def get_fundamental_variables(self):
        domain, Domain = self.domain_Domain
        domains = {"primary": f"{domain} electrode", "secondary": "current collector"}
        s_p = pybamm.Variable(f"{Domain} particle residual envelope swelling", domains=domains)
        # particle-average Li content; equals the R-average of the particle concentration
        # (same flux), kept as its own state so the geometry depends on local quantities only
        c_av = pybamm.Variable(
            f"{Domain} particle Li content [mol.m-3]", domains=domains, scale=self.domain_param.prim.c_max
        )
        # its rate, an algebraic state: referencing it (instead of the Butler-Volmer current
        # expression) keeps the expression trees of LAM, SEI and porosity small
        rate_scale = self.domain_param.prim.c_max / 3600
        c_rate = pybamm.Variable(
            f"{Domain} particle Li content rate [mol.m-3.s-1]", domains=domains, scale=rate_scale
        )
        return {
            f"{Domain} particle residual envelope swelling": s_p,
            f"X-averaged {domain} particle residual envelope swelling": pybamm.x_average(s_p),
            f"{Domain} particle Li content [mol.m-3]": c_av,
            f"{Domain} particle Li content rate [mol.m-3.s-1]": c_rate,
        }

    def get_coupled_variables(self, variables):
        domain, Domain = self.domain_Domain
        F = self.param.F
        R_o0 = self.domain_param.prim.R
        R_i0 = self._p("particle inner radius [m]")
        eps_sh = self._p("particle shell porosity")
        eps_min = self._p("particle minimum shell porosity")
        f_in = self._p("particle inward breathing fraction")
        omega = pybamm.Parameter(f"{Domain} electrode partial molar volume [m3.mol-1]")
        s_p = variables[f"{Domain} particle residual envelope swelling"]
        c = variables[f"{Domain} particle Li content [mol.m-3]"]
        a = variables[f"{Domain} electrode surface area to volume ratio [m-1]"]
        eps_s = variables[f"{Domain} electrode active material volume fraction"]
        j = variables[f"{Domain} electrode interfacial current density [A.m-2]"]

        pp = self.domain_param.prim
        eps_s0 = pybamm.Parameter(f"{Domain} electrode active material volume fraction")
        # SEI volume inside the particle (on the internal, BET surface) per pristine envelope
        # volume; it occupies shell pores like the Si skeleton does
        sei_name = f"{Domain} SEI concentration [mol.m-3]"
        has_sei = (
            self.options.positive["SEI"] != "none"
            if domain == "positive"
            else (self.options.negative["SEI"] != "none")
        )
        if has_sei:
            c_sei0 = pp.L_sei_0 * pp.a_typ / pp.V_bar_sei
            phi_sei = pp.V_bar_sei * (variables[sei_name] - c_sei0) * (1 - eps_sh) / eps_s0
            # d phi_sei / dt = sei_volume_factor * (-a j_sei)
            sei_volume_factor = pp.V_bar_sei / (F * pp.z_sei) * (1 - eps_sh) / eps_s0
        else:
            phi_sei = sei_volume_factor = pybamm.Scalar(0)

        eps_min = pybamm.minimum(eps_min, eps_sh)  # a dense shell has no pores to close
        b = ((1 + omega * c) * (1 - eps_sh) + phi_sei) / (1 - eps_min)
        e, de_dref, de_db = smooth_max(1 + s_p, b, 1e-3)
        rho3 = (R_i0 / R_o0) ** 3
        # inward share: f_in of the envelope growth, saturating at the core-void volume
        grow = (e - 1) * (1 - rho3)  # envelope growth per pristine outer volume
        void = pybamm.maximum(rho3, 1e-12)
        inward = rho3 * (1 - pybamm.exp(-f_in * grow / void))
        d_inward_d_e = f_in * (1 - rho3) * pybamm.exp(-f_in * grow / void) * (rho3 > 0)
        v_out = 1 + grow - inward
        R_out = R_o0 * v_out ** (1 / 3)
        R_in = R_o0 * pybamm.maximum(rho3 - inward, 0) ** (1 / 3)
        dv_out_de = (1 - rho3) - d_inward_d_e

        # rates: d c / dt from the intercalation current (j < 0 lithiates), see set_algebraic
        dc_dt = variables[f"{Domain} particle Li content rate [mol.m-3.s-1]"]
        db_li_dt = omega * (1 - eps_sh) / (1 - eps_min) * dc_dt
        k1 = self._p("particle plastic yield coefficient")
        k2 = self._p("particle cyclic ratchet coefficient")
        s_max = self._p("particle maximum residual envelope swelling")
        yielding = k1 * smooth_step(b - 1 - s_p, 1e-2) + k2 * smooth_step(b - 1, 1e-2)
        ds_dt = yielding * smooth_positive(db_li_dt) * pybamm.maximum(1 - s_p / s_max, 0)
        # outer strain from lithiation (drives damage); the SEI part is added by the porosity
        # submodel, which reads the SEI current (this keeps SEI <-> breathing free of loops)
        dv_out_li_dt = dv_out_de * (de_dref * ds_dt + de_db * db_li_dt)
        dv_out_per_sei = dv_out_de * de_db * sei_volume_factor / (1 - eps_min)
        skeleton_rate = omega * dc_dt / (1 + omega * c)
        # fracture intensity: diffusion-induced stress grows with the strain rate, and crack
        # growth with stress to the Paris exponent m, so damage per unit strain ~ rate^(m-1)
        r_ref = self._p("particle reference strain rate [s-1]")
        m = self._p("particle fracture Paris exponent")
        fracture_factor = (smooth_abs(skeleton_rate) / r_ref) ** (m - 1)

        eps_o0 = eps_s0 / ((1 - eps_sh) * (1 - rho3))
        f_L = pybamm.Parameter(f"{Domain} electrode swelling thickness fraction")
        L = self.domain_param.L
        dL_rel = f_L * (eps_o0 * (v_out - 1))
        dL = L * pybamm.x_average(dL_rel)

        xav = pybamm.x_average
        variables.update(
            {
                f"{Domain} particle residual envelope swelling rate [s-1]": ds_dt,
                f"{Domain} particle Li content rate residual [A.m-3]": dc_dt * F * eps_s + a * j,
                f"{Domain} particle envelope volume ratio": e,
                f"{Domain} particle outer radius [m]": R_out,
                f"X-averaged {domain} particle outer radius [m]": xav(R_out),
                f"{Domain} particle inner radius [m]": R_in,
                f"X-averaged {domain} particle inner radius [m]": xav(R_in),
                f"{Domain} particle shell thickness [m]": R_out - R_in,
                f"X-averaged {domain} particle shell thickness [m]": xav(R_out - R_in),
                f"{Domain} particle outer diameter change [%]": 100 * (R_out / R_o0 - 1),
                f"X-averaged {domain} particle outer diameter change [%]": xav(100 * (R_out / R_o0 - 1)),
                f"{Domain} particle shell thickness change [%]": 100 * ((R_out - R_in) / (R_o0 - R_i0) - 1),
                f"X-averaged {domain} particle shell thickness change [%]": xav(
                    100 * ((R_out - R_in) / (R_o0 - R_i0) - 1)
                ),
                f"{Domain} particle outer volume ratio": v_out,
                f"{Domain} particle outer volumetric strain rate [s-1]": dv_out_li_dt / v_out,
                f"{Domain} particle internal SEI volume fraction": phi_sei,
                f"{Domain} particle skeleton volumetric strain rate [s-1]": skeleton_rate,
                f"{Domain} particle fracture rate factor": fracture_factor,
                f"{Domain} particle outer volume change rate from lithiation [s-1]": dv_out_li_dt,
                f"{Domain} particle outer volume change per SEI current [m3.A-1]": dv_out_per_sei,
                f"{Domain} particle outer volume fraction at reference": eps_o0,
                f"{Domain} electrode thickness change [m]": dL,
                f"{Domain} electrode thickness change [%]": 100 * dL / L,
            }
        )
        return variables

    def set_rhs(self, variables):
        Domain = self.domain.capitalize()
        s_p = variables[f"{Domain} particle residual envelope swelling"]
        c_av = variables[f"{Domain} particle Li content [mol.m-3]"]
        self.rhs = {
            s_p: variables[f"{Domain} particle residual envelope swelling rate [s-1]"],
            c_av: variables[f"{Domain} particle Li content rate [mol.m-3.s-1]"],
        }

    def set_algebraic(self, variables):
        Domain = self.domain.capitalize()
        c_rate = variables[f"{Domain} particle Li content rate [mol.m-3.s-1]"]
        scale = self.param.F * self.domain_param.prim.c_max / 3600
        self.algebraic = {c_rate: variables[f"{Domain} particle Li content rate residual [A.m-3]"] / scale}

    def set_initial_conditions(self, variables):
        Domain = self.domain.capitalize()
        s_p = variables[f"{Domain} particle residual envelope swelling"]
        c_av = variables[f"{Domain} particle Li content [mol.m-3]"]
        c_rate = variables[f"{Domain} particle Li content rate [mol.m-3.s-1]"]
        self.initial_conditions = {
            s_p: pybamm.Scalar(0),
            c_av: pybamm.r_average(self.domain_param.prim.c_init),
            c_rate: pybamm.Scalar(0),
        }
