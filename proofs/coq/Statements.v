(** * Statements: definitions and main theorems (the file to read first).

    Shoji, Suzuki, Kozachkov, "Is All Learning (Natural) Gradient Descent?".
    Everything is proved over an arbitrary real closed field [R] (e.g. the
    real algebraic numbers, or the reals of any classical model) and for
    EVERY dimension [n], with column vectors ['cV[R]_n] and matrices ['M[R]_n]
    of mathcomp.  No spectral theorem is used: eigenvalue statements are given
    through explicit eigenvectors (M v = l v, v <> 0), and "lambda_min /
    lambda_max" are replaced by quadratic-form constants
    m |x|^2 <= x^T M x <= L |x|^2 (for all x), which is exactly what the
    condition-number bounds need.  Proofs are in Base.v, Forms.v,
    Canonical.v, Factor.v, Span.v, Family.v, Multiplicity.v, Parallel.v, Prop123.v,
    Discrete.v, Extras.v. *)

From mathcomp Require Import all_ssreflect all_algebra.
From NGD Require Import Base Forms Canonical Factor Span Family Multiplicity Parallel Prop123
  Discrete Extras.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

Section Statements.
Variables (R : rcfType) (n : nat).
Implicit Types (x u v w g y : 'cV[R]_n) (M : 'M[R]_n).

(** ** Definitions (each checked against its definition by [reflexivity]) *)

(** u^T v, x^T A x, symmetric, SPD / PSD in the sense of forms *)
Fact dot_def u v : dot u v = (u^T *m v) 0 0. Proof. by []. Qed.
Fact form_def (A : 'M[R]_n) x : form A x = dot x (A *m x). Proof. by []. Qed.
Fact spd_def (A : 'M[R]_n) : spd A <-> (A^T = A /\ forall x, x != 0 -> 0 < form A x).
Proof. by []. Qed.

(** p = y^T g, q = g^T g, s = y^T y; sigma = s/p = |y|/(|g| cos psi);
    rho = p/q = (|y|/|g|) cos psi; cos^2 psi = p^2/(s q); |sin psi| = sqrt(1 - cos^2 psi) *)
Fact sigma_def g y : sigma g y = dot y y / dot y g. Proof. by []. Qed.
Fact rho_def g y : rho g y = dot y g / dot g g. Proof. by []. Qed.
Fact cos2_def g y : cos2 g y = dot y g ^+ 2 / (dot y y * dot g g). Proof. by []. Qed.
Fact sinabs_def g y : sinabs g y = Num.sqrt (1 - cos2 g y). Proof. by []. Qed.
Fact kappa_min_def g y : kappa_min g y = (1 + sinabs g y) / (1 - sinabs g y).
Proof. by []. Qed.
(** "y not parallel to g": strict Cauchy-Schwarz, i.e. sin psi <> 0 *)
Fact nonpar_def g y : nonpar g y <-> dot y g ^+ 2 < dot y y * dot g g.
Proof. by []. Qed.

(** the family (8): M(a) = y y^T / (y^T g) + a (I - g g^T / (g^T g)) *)
Fact Mfam_def g y a : Mfam g y a =
  (dot y g)^-1 *: (y *m y^T) + a *: (1%:M - (dot g g)^-1 *: (g *m g^T)).
Proof. by []. Qed.
(** its two eigenvalues on span{g, y} (Eq. 9 / Lemma 1) *)
Fact lamp_def g y a : lamp g y a =
  (sigma g y + a + Num.sqrt ((sigma g y + a) ^+ 2 - 4%:R * a * rho g y)) / 2%:R.
Proof. by []. Qed.
Fact lamm_def g y a : lamm g y a =
  (sigma g y + a - Num.sqrt ((sigma g y + a) ^+ 2 - 4%:R * a * rho g y)) / 2%:R.
Proof. by []. Qed.
(** their eigenvectors y - lamm g and y - lamp g *)
Fact vp_def g y a : vp g y a = y - lamm g y a *: g. Proof. by []. Qed.
Fact vm_def g y a : vm g y a = y - lamp g y a *: g. Proof. by []. Qed.

(** the canonical metric (6): y y^T/(y^T g) + sum_i u_i u_i^T *)
Fact canon_metric_def g y (k : nat) (u : 'I_k -> 'cV[R]_n) :
  canon_metric y g u = (dot y g)^-1 *: (y *m y^T) + \sum_i (u i *m (u i)^T).
Proof. by []. Qed.
(** u_1..u_k lie in g^perp and span it *)
Fact spans_orth_def g (k : nat) (u : 'I_k -> 'cV[R]_n) : spans_orth g u <->
  (forall i, dot (u i) g = 0) /\
  (forall x, dot g x = 0 -> exists c : 'I_k -> R, x = \sum_i c i *: u i).
Proof. by []. Qed.

(** the same, annihilator form: the u_i lie in g^perp and no nonzero vector of g^perp
    is orthogonal to all of them (equivalent to span{u_i} = g^perp in finite dimension) *)
Fact spans_orth_w_def g (k : nat) (u : 'I_k -> 'cV[R]_n) : spans_orth_w g u <->
  (forall i, dot (u i) g = 0) /\
  (forall x, dot g x = 0 -> (forall i, dot (u i) x = 0) -> x = 0).
Proof. by []. Qed.

(** ** Item 1: canonical form (Eq. 6, 7) *)

(** Every SPD M with M g = y: M' = M - y y^T/(y^T g) is symmetric PSD, M' g = 0,
    its kernel (as a form and as a matrix) is exactly span{g}, so M' is
    positive definite on g^perp. *)
Theorem canonical_form_forward M g y : spd M -> M *m g = y -> g != 0 ->
  let M' := M - (dot y g)^-1 *: (y *m y^T) in
  0 < dot y g /\
  [/\ M'^T = M', M' *m g = 0,
      (forall x, 0 <= form M' x),
      (forall x, (form M' x = 0 <-> exists a, x = a *: g)
             /\ (M' *m x = 0 <-> exists a, x = a *: g))
    & (forall x, dot g x = 0 -> x != 0 -> 0 < form M' x)].
Proof.
move=> sM Mg g0 M'; have p0 := spd_dot_pos sM Mg g0.
split => //; split.
- exact: (remainder_sym y g (proj1 sM)).
- exact: (remainder_g Mg p0).
- exact: (remainder_psd sM Mg g0).
- by move=> x; case: (remainder_kernel sM Mg g0 x).
- exact: (remainder_pd_orth sM Mg g0).
Qed.

(** Every SPD M with M g = y IS of the form (6) with exactly n-1 vectors u_i spanning g^perp. *)
Theorem canonical_form_factor M g y : spd M -> M *m g = y -> g != 0 ->
  exists (k : nat) (u : 'I_k -> 'cV[R]_n),
  [/\ k = n.-1, M = canon_metric y g u & spans_orth_w g u].
Proof. exact: canonical_factor. Qed.

(** the two forms of "u_1..u_k span g^perp" are equivalent (finite-dimensional duality) *)
Theorem spans_orth_equiv g (k : nat) (u : 'I_k -> 'cV[R]_n) : g != 0 ->
  spans_orth g u <-> spans_orth_w g u.
Proof.
by move=> g0; split; [apply: spans_orth_weaken | apply: spans_w_strong].
Qed.

(** hence Eq. (6) with n-1 vectors u_i of which every x in g^perp is a linear combination *)
Theorem canonical_form_factor_span M g y : spd M -> M *m g = y -> g != 0 ->
  exists (k : nat) (u : 'I_k -> 'cV[R]_n),
  [/\ k = n.-1, M = canon_metric y g u & spans_orth g u].
Proof.
move=> sM Mg g0; have [k [u [kn Mu sp]]] := canonical_factor sM Mg g0.
by exists k, u; split => //; apply: spans_w_strong.
Qed.

(** Conversely every sum (6) with u_i spanning g^perp (annihilator form) and
    y^T g > 0 is SPD with M g = y (any number k of vectors). *)
Theorem canonical_form_converse_w g y (k : nat) (u : 'I_k -> 'cV[R]_n) :
  0 < dot y g -> spans_orth_w g u ->
  spd (canon_metric y g u) /\ canon_metric y g u *m g = y.
Proof. exact: canon_metric_spd_w. Qed.

(** Conversely every sum (6) with u_i spanning g^perp and y^T g > 0 is SPD with M g = y. *)
Theorem canonical_form_converse g y (k : nat) (u : 'I_k -> 'cV[R]_n) :
  0 < dot y g -> spans_orth g u ->
  spd (canon_metric y g u) /\ canon_metric y g u *m g = y.
Proof. exact: canon_metric_spd. Qed.

(** Item 1 as one equivalence: for y^T g > 0, M is SPD with M g = y iff M has the
    canonical form (6) with n-1 vectors spanning g^perp. *)
Theorem canonical_form_iff M g y : 0 < dot y g ->
  (spd M /\ M *m g = y) <->
  exists u : 'I_n.-1 -> 'cV[R]_n, M = canon_metric y g u /\ spans_orth g u.
Proof.
move=> p0; have g0 := g_neq0 p0; split.
- move=> [sM Mg]; have [k [u [kn Mu sp]]] := canonical_form_factor_span sM Mg g0.
  by move: u Mu sp; rewrite kn => u Mu sp; exists u.
- by move=> [u [-> sp]]; apply: canon_metric_spd.
Qed.

(** ** Item 2: Lemma 1, the spectrum of the family (8) / (22) *)

Theorem family_maps_g_to_y g y a : 0 < dot y g -> Mfam g y a *m g = y.
Proof. by move=> p0; apply: (Mfam_g p0). Qed.

Theorem family_eigenvalues g y a : 0 < dot y g -> 0 < a ->
  [/\ lamp g y a + lamm g y a = sigma g y + a,
      lamp g y a * lamm g y a = a * rho g y,
      0 < lamm g y a, lamm g y a <= a & a <= lamp g y a].
Proof.
move=> p0 a0; split.
- exact: lam_sum.
- exact: (lam_prod p0 a0).
- exact: (lamm_gt0 p0 a0).
- exact: (lamm_le_a p0 a0).
- exact: (lamp_ge_a p0 a0).
Qed.

(** explicit eigenvectors: v+ = y - lamm g, v- = y - lamp g (nonzero when y is not
    parallel to g), and a on the whole orthogonal complement of span{g, y} *)
Theorem family_eigenvectors g y a : 0 < dot y g -> 0 < a -> nonpar g y ->
  [/\ vp g y a != 0 /\ Mfam g y a *m vp g y a = lamp g y a *: vp g y a,
      vm g y a != 0 /\ Mfam g y a *m vm g y a = lamm g y a *: vm g y a,
      lamm g y a < lamp g y a
    & (forall w, dot g w = 0 -> dot y w = 0 -> Mfam g y a *m w = a *: w)].
Proof.
move=> p0 a0 np; split.
- by split; [exact: vp_neq0 | exact: (Mfam_vp p0 a0)].
- by split; [exact: vm_neq0 | exact: (Mfam_vm p0 a0)].
- exact: (lamm_lt_lamp p0 a0).
- by move=> w; apply: Mfam_orth.
Qed.

(** the eigenvalue a: its eigenspace is exactly span{g, y}^perp, i.e. (transposing)
    the left kernel of the n x 2 matrix [g y], which has dimension n - 2 *)
Theorem family_alpha_eigenspace g y a : 0 < dot y g -> 0 < a -> nonpar g y ->
  (forall x, Mfam g y a *m x = a *: x <-> dot g x = 0 /\ dot y x = 0) /\
  \rank (kermx (row_mx g y)) = (n - 2)%N /\
  (forall r : 'rV[R]_n,
    (r <= kermx (row_mx g y))%MS <-> Mfam g y a *m r^T = a *: r^T).
Proof.
move=> p0 a0 np; split; first by move=> x; apply: alpha_eigenspace.
exact: alpha_multiplicity.
Qed.

(** best quadratic-form constants: lamm |x|^2 <= x^T M(a) x <= lamp |x|^2,
    with equality at v- and v+; M(a) is SPD *)
Theorem family_form_bounds g y a : 0 < dot y g -> 0 < a -> nonpar g y ->
  [/\ (forall x, lamm g y a * dot x x <= form (Mfam g y a) x),
      (forall x, form (Mfam g y a) x <= lamp g y a * dot x x),
      form (Mfam g y a) (vm g y a) = lamm g y a * dot (vm g y a) (vm g y a),
      form (Mfam g y a) (vp g y a) = lamp g y a * dot (vp g y a) (vp g y a)
    & spd (Mfam g y a)].
Proof.
move=> p0 a0 np; split.
- exact: (Mfam_lower p0 a0 np).
- exact: (Mfam_upper p0 a0 np).
- exact: (form_vm p0 a0).
- exact: (form_vp p0 a0).
- exact: (Mfam_spd p0 a0 np).
Qed.

(** the form bounds and positive definiteness hold also when y is parallel to g *)
Theorem family_form_bounds_all g y a : 0 < dot y g -> 0 < a ->
  [/\ (forall x, lamm g y a * dot x x <= form (Mfam g y a) x),
      (forall x, form (Mfam g y a) x <= lamp g y a * dot x x)
    & spd (Mfam g y a)].
Proof.
move=> p0 a0; have [lo up] := Mfam_bounds_all p0 a0.
by split => //; apply: Mfam_spd_all.
Qed.

(** Lemma 1 in the parallel case (sin psi = 0): y = rho g, g is an eigenvector for rho,
    every w in g^perp one for a, and lamp, lamm are the two roots rho, a *)
Theorem family_parallel_eigen g y a : 0 < dot y g -> dot y g ^+ 2 = dot y y * dot g g ->
  0 < a ->
  [/\ y = rho g y *: g, Mfam g y a *m g = rho g y *: g,
      (forall w, dot g w = 0 -> Mfam g y a *m w = a *: w)
    & (forall l, l = lamp g y a \/ l = lamm g y a -> (l - rho g y) * (l - a) = 0)].
Proof.
move=> p0 par a0; split.
- exact: y_par.
- exact: Mfam_g_par.
- by move=> w; apply: Mfam_orth_par.
- by move=> l; apply: lam_roots_par.
Qed.

(** the paper's form (Lemma 1 for Eq. 22): with a = gamma * sigma,
    lambda_pm = (|y|/(2|g|cos psi)) ((1+gamma) +- sqrt((1+gamma)^2 - 4 gamma cos^2 psi)),
    since sigma = |y|/(|g| cos psi). *)
Theorem family_paper_form g y gm : 0 < dot y g ->
  lamp g y (gm * sigma g y) =
    sigma g y / 2%:R * ((1 + gm) + Num.sqrt ((1 + gm) ^+ 2 - 4%:R * gm * cos2 g y)) /\
  lamm g y (gm * sigma g y) =
    sigma g y / 2%:R * ((1 + gm) - Num.sqrt ((1 + gm) ^+ 2 - 4%:R * gm * cos2 g y)).
Proof. by move=> p0; split; [apply: lamp_paper | apply: lamm_paper]. Qed.

(** the paper's condition number of (22):
    kappa(gamma) = (1+gamma+sqrt((1+gamma)^2 - 4 gamma cos^2 psi))^2 / (4 gamma cos^2 psi) *)
Theorem family_kappa_paper g y gm : 0 < dot y g -> 0 < gm ->
  lamp g y (gm * sigma g y) / lamm g y (gm * sigma g y) =
  (1 + gm + Num.sqrt ((1 + gm) ^+ 2 - 4%:R * gm * cos2 g y)) ^+ 2 /
  (4%:R * gm * cos2 g y).
Proof. exact: kappa_paper. Qed.

(** ** Item 3: over the family, kappa(a) = lamp/lamm is minimal at a = sigma (gamma = 1) *)
Theorem family_kappa_min g y a : 0 < dot y g -> 0 < a ->
  kappa_min g y <= lamp g y a / lamm g y a.
Proof. exact: kappa_family. Qed.

Theorem family_kappa_at_gamma1 g y : 0 < dot y g ->
  lamp g y (sigma g y) / lamm g y (sigma g y) = kappa_min g y /\
  lamp g y (sigma g y) = sigma g y * (1 + sinabs g y) /\
  lamm g y (sigma g y) = sigma g y * (1 - sinabs g y).
Proof. by move=> p0; split; [|split]; [apply: kappa_opt|apply: lamp_opt|apply: lamm_opt]. Qed.

(** ** Item 4: Proposition 1 *)
(** for EVERY symmetric M with M g = y and EVERY form constants m > 0, L:
    L / m >= (1 + |sin psi|) / (1 - |sin psi|) *)
Theorem proposition1 M g y m L : M^T = M -> M *m g = y -> g != 0 -> 0 < m ->
  (forall x, m * dot x x <= form M x) -> (forall x, form M x <= L * dot x x) ->
  kappa_min g y <= L / m.
Proof. exact: prop1. Qed.

(** ... with equality for M_opt = M(sigma), whose best constants
    sigma (1 -+ |sin psi|) are attained at explicit nonzero vectors *)
Theorem proposition1_equality g y : 0 < dot y g -> nonpar g y ->
  let M := Mfam g y (sigma g y) in
  let lo := sigma g y * (1 - sinabs g y) in
  let hi := sigma g y * (1 + sinabs g y) in
  [/\ spd M /\ M *m g = y,
      (forall x, lo * dot x x <= form M x <= hi * dot x x),
      vm g y (sigma g y) != 0 /\ M *m vm g y (sigma g y) = lo *: vm g y (sigma g y),
      vp g y (sigma g y) != 0 /\ M *m vp g y (sigma g y) = hi *: vp g y (sigma g y)
    & hi / lo = kappa_min g y].
Proof.
move=> p0 np M lo hi; have [sM Mg] := Mopt_valid p0 np.
by have [H1 H2 H3 H4] := Mopt_constants p0 np; split.
Qed.

(** the same without the non-parallel assumption (attainment aside) *)
Theorem proposition1_equality_all g y : 0 < dot y g ->
  let M := Mfam g y (sigma g y) in
  let lo := sigma g y * (1 - sinabs g y) in
  let hi := sigma g y * (1 + sinabs g y) in
  [/\ spd M, M *m g = y,
      (forall x, lo * dot x x <= form M x <= hi * dot x x)
    & hi / lo = kappa_min g y].
Proof.
move=> p0 M lo hi; have s0 := sigma0 p0.
have [L U] := Mfam_bounds_all p0 s0.
split.
- exact: Mfam_spd_all.
- exact: (Mfam_g p0).
- by move=> x; rewrite /lo /hi -lamm_opt // -lamp_opt // L U.
- by rewrite /lo /hi -lamm_opt // -lamp_opt // kappa_opt.
Qed.

(** ** Item 5: Propositions 2 and 3 *)
Theorem proposition2 M g y m : spd M -> M *m g = y -> g != 0 ->
  (forall x, m * dot x x <= form M x) ->
  m <= rho g y /\ (nonpar g y -> m < rho g y).
Proof. exact: prop2. Qed.

Theorem proposition3 M g y L : spd M -> M *m g = y -> g != 0 ->
  (forall x, form M x <= L * dot x x) ->
  sigma g y <= L /\ (nonpar g y -> sigma g y < L).
Proof. exact: prop3. Qed.

(** rho is the supremum of lambda_min (approached as gamma -> oo) and sigma the
    infimum of lambda_max (approached as gamma -> 0) over the family; when y is not
    parallel to g neither is attained (by any valid metric, Props. 2 and 3). *)
Theorem proposition2_sup g y eps : 0 < dot y g -> 0 < eps ->
  exists a, 0 < a /\ rho g y - eps < lamm g y a.
Proof. exact: lamm_sup. Qed.

Theorem proposition3_inf g y eps : 0 < dot y g -> 0 < eps ->
  exists a, 0 < a /\ lamp g y a < sigma g y + eps.
Proof. exact: lamp_inf. Qed.

(** as genuine limits: lamm(a) -> rho (a -> +oo) and lamp(a) -> sigma (a -> 0+),
    from below resp. above *)
Theorem proposition2_limit g y eps : 0 < dot y g -> 0 < eps ->
  exists A, 0 < A /\ forall a, A <= a -> rho g y - eps < lamm g y a <= rho g y.
Proof. exact: lamm_limit. Qed.

Theorem proposition3_limit g y eps : 0 < dot y g -> 0 < eps ->
  forall a, 0 < a -> a < eps -> sigma g y <= lamp g y a < sigma g y + eps.
Proof. exact: lamp_limit. Qed.

Theorem propositions23_not_attained g y a : 0 < dot y g -> nonpar g y -> 0 < a ->
  lamm g y a < rho g y /\ sigma g y < lamp g y a.
Proof. exact: family_not_attained. Qed.

(** when y is parallel to g (sin psi = 0) the bounds are attained: M(rho) = rho I
    (as a form) and sigma = rho; so Props 2, 3 are strict exactly when y is not parallel to g *)
Theorem propositions23_parallel_attained g y : 0 < dot y g ->
  dot y g ^+ 2 = dot y y * dot g g ->
  sigma g y = rho g y /\ forall x, form (Mfam g y (rho g y)) x = rho g y * dot x x.
Proof. exact: parallel_attained. Qed.

(** Kantorovich/Wielandt form of Proposition 1, for an arbitrary vector x:
    cos^2 angle(x, Mx) >= 4 m L / (L + m)^2 *)
Theorem proposition1_wielandt M m L x : M^T = M -> 0 < m ->
  (forall z, m * dot z z <= form M z) -> (forall z, form M z <= L * dot z z) ->
  4%:R * m * L * (dot (M *m x) (M *m x) * dot x x) <= (L + m) ^+ 2 * form M x ^+ 2.
Proof. exact: wielandt. Qed.

(** the paper's quantities through norms and cos psi = y^T g / (|y| |g|):
    sigma = |y|/(|g| cos psi), rho = (|y|/|g|) cos psi, cos2 = cos^2 psi,
    0 < cos psi <= 1, and lambda_max(M_opt) = (|y|/|g|)(1/cos psi + |tan psi|) *)
Fact normv_def (u : 'cV[R]_n) : normv u = Num.sqrt (dot u u). Proof. by []. Qed.
Fact cospsi_def g y : cospsi g y = dot y g / (normv y * normv g). Proof. by []. Qed.

Theorem paper_norm_forms g y : 0 < dot y g ->
  [/\ sigma g y = normv y / (normv g * cospsi g y),
      rho g y = normv y / normv g * cospsi g y,
      cos2 g y = cospsi g y ^+ 2,
      0 < cospsi g y <= 1
    & sigma g y * (1 + sinabs g y) =
        normv y / normv g * (1 / cospsi g y + sinabs g y / cospsi g y)].
Proof. exact: norms_relations. Qed.

(** ** Item 6: discrete time (Eqs. 13-18) *)
Theorem discrete_metric g yb (k : nat) (u : 'I_k -> 'cV[R]_n) :
  0 < dot yb g -> spans_orth g u ->
  spd (canon_metric yb g u) /\ canon_metric yb g u *m g = yb.
Proof. exact: discrete_metric_spd. Qed.

(** the true statement behind (17)-(18) *)
Theorem hessian_corrected (Mb H : 'M[R]_n) m h eta : Mb^T = Mb -> H^T = H ->
  (forall x, m * dot x x <= form Mb x) -> (forall x, - h * dot x x <= form H x) ->
  0 < h -> 0 <= eta -> eta < m / h -> spd (Mb + eta *: H).
Proof. exact: hessian_corrected_spd. Qed.

(** for a valid Mbar, m <= rho_bar, so eta < m/h implies eta < rho_bar/h *)
Theorem hessian_bound_is_sup (Mb : 'M[R]_n) g yb m h eta :
  spd Mb -> Mb *m g = yb -> g != 0 ->
  (forall x, m * dot x x <= form Mb x) -> 0 < h -> eta < m / h -> eta < rho g yb / h.
Proof. exact: hessian_bound_below_rho. Qed.

(** ... and it is exactly the supremum: for every 0 <= eta < rho_bar/h some valid Mbar
    (one of the family) makes Mbar + eta H SPD for every symmetric H >= -h I *)
Theorem hessian_bound_sup g yb h eta : 0 < dot yb g -> 0 < h -> 0 <= eta ->
  eta < rho g yb / h ->
  exists Mb : 'M[R]_n, [/\ spd Mb, Mb *m g = yb &
    forall H : 'M[R]_n, H^T = H -> (forall x, - h * dot x x <= form H x) ->
      spd (Mb + eta *: H)].
Proof. exact: hessian_sup. Qed.

(** Remark (paper's wording, Sec. 2.2): "M + eta H is SPD whenever
    eta < (1/h)(|ybar|/|g|) cos psi_bar".  As a sufficient condition for an
    arbitrary valid metric this is false: *)
Theorem hessian_paper_wording_counterexample g yb h eta :
  0 < dot yb g -> nonpar g yb -> 0 < h -> 0 < eta -> eta < rho g yb / h ->
  exists Mb : 'M[R]_n, [/\ spd Mb, Mb *m g = yb &
    exists x, x != 0 /\ form (Mb + eta *: (- h *: 1%:M)) x < 0].
Proof. by move=> p0 np h0 e0 _; apply: hessian_counterexample. Qed.

End Statements.
