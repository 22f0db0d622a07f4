From mathcomp Require Import all_ssreflect all_algebra.
From mathcomp Require Import ring.
From NGD Require Import Base Forms Canonical Family.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

(** * Items 3-5: Proposition 1 (minimal condition number), Propositions 2, 3. *)

Section Props.
Variables (R : rcfType) (n : nat).
Implicit Types (u v w x z g y : 'cV[R]_n) (M B : 'M[R]_n) (a b c t m L : R).

(** the minimal condition number (1 + |sin psi|) / (1 - |sin psi|) *)
Definition kappa_min g y : R := (1 + sinabs g y) / (1 - sinabs g y).

Lemma form_g M g y : M *m g = y -> form M g = pp g y.
Proof. by move=> Mg; rewrite /form Mg dotC. Qed.

(** the form of M - m I *)
Lemma form_shift M m x : form (M - m *: 1%:M) x = form M x - m * dot x x.
Proof. by rewrite formD formN formZ form1. Qed.

Lemma sym_shift M m : sym M -> sym (M - m *: 1%:M).
Proof. by move=> sM; apply/symD/symN/symZ/sym1. Qed.

(** The key inequality: |y|^2 + m L |g|^2 <= (L + m) y^T g. *)
Lemma key_ineq M g y m L : sym M -> M *m g = y ->
  (forall x, m * dot x x <= form M x) -> (forall x, form M x <= L * dot x x) ->
  m <= L -> ss y + m * L * qq g <= (L + m) * pp g y.
Proof.
move=> sM Mg lo up mL; set B := M - m *: 1%:M.
have sB : sym B by apply: sym_shift.
have pB : forall z, 0 <= form B z by move=> z; rewrite form_shift subr_ge0.
have uB : forall z, form B z <= (L - m) * dot z z.
  by move=> z; rewrite form_shift mulrBl ler_add2r.
have := psd_bound g sB pB _ uB; rewrite subr_ge0 => /(_ mL).
have -> : B *m g = y - m *: g by rewrite /B mulmxBl Mg -scalemxAl mul1mx.
rewrite /B form_shift (form_g Mg) !dotBl !dotBr !dotZl !dotZr (dotC g y).
rewrite /ss /qq /pp => H; rewrite -subr_ge0.
have -> : (L + m) * dot y g - (dot y y + m * L * dot g g) =
  (L - m) * (dot y g - m * dot g g) -
  (dot y y - m * dot y g - (m * dot y g - m * (m * dot g g))) by ring.
by rewrite subr_ge0.
Qed.

Lemma four_ineq m L s q p : 0 <= s -> 0 <= q -> 0 <= m -> 0 <= L ->
  s + m * L * q <= (L + m) * p ->
  4%:R * m * L * s * q <= (L + m) ^+ 2 * p ^+ 2.
Proof.
move=> s0 q0 m0 L0 H.
have H0 : 0 <= s + m * L * q by rewrite addr_ge0 // !mulr_ge0.
have H2 : (s + m * L * q) ^+ 2 <= ((L + m) * p) ^+ 2.
  by rewrite !expr2 ler_pmul.
rewrite -subr_ge0; have -> : (L + m) ^+ 2 * p ^+ 2 - 4%:R * m * L * s * q =
  (((L + m) * p) ^+ 2 - (s + m * L * q) ^+ 2) + (s - m * L * q) ^+ 2 by ring.
by rewrite addr_ge0 ?sqr_ge0 // subr_ge0.
Qed.

(** Proposition 1: for every valid metric and every pair of form constants
    m |x|^2 <= x^T M x <= L |x|^2 (m > 0), L / m >= (1+|sin psi|)/(1-|sin psi|). *)
Theorem prop1 M g y m L : sym M -> M *m g = y -> g != 0 -> 0 < m ->
  (forall x, m * dot x x <= form M x) -> (forall x, form M x <= L * dot x x) ->
  kappa_min g y <= L / m.
Proof.
move=> sM Mg g0 m0 lo up.
have q0 : 0 < qq g := dot_gt0 g0.
have pge : m * qq g <= pp g y by rewrite -(form_g Mg) lo.
have ple : pp g y <= L * qq g by rewrite -(form_g Mg) up.
have p0 : 0 < pp g y by apply: lt_le_trans pge; rewrite mulr_gt0.
have mL : m <= L by rewrite -(ler_pmul2r q0) (le_trans pge ple).
have L0 : 0 < L := lt_le_trans m0 mL.
have K := key_ineq sM Mg lo up mL.
have s0 := s0 p0.
have H4 := four_ineq (ltW s0) (ltW q0) (ltW m0) (ltW L0) K.
have Lm0 : 0 < L + m by rewrite addr_gt0.
have Sle : sinabs g y <= (L - m) / (L + m).
  have Q0 : 0 <= (L - m) / (L + m) by rewrite divr_ge0 ?subr_ge0 // ltW.
  rewrite /sinabs -[X in _ <= X](ger0_norm Q0).
  rewrite -sqrtr_sqr ler_wsqrtr // -subr_ge0 /cos2.
  have -> : ((L - m) / (L + m)) ^+ 2 - (1 - pp g y ^+ 2 / (ss y * qq g)) =
    ((L + m) ^+ 2 * pp g y ^+ 2 - 4%:R * m * L * ss y * qq g) /
    ((L + m) ^+ 2 * (ss y * qq g)).
    by field; rewrite !gt_eqF.
  by rewrite divr_ge0 ?subr_ge0 // mulr_ge0 ?sqr_ge0 // mulr_ge0 ?ltW.
have S1 : 0 < 1 - sinabs g y.
  rewrite subr_gt0 (le_lt_trans Sle) // ltr_pdivr_mulr // mul1r.
  by rewrite ltr_add2l gtr_opp.
rewrite /kappa_min ler_pdivr_mulr // -subr_ge0.
have -> : L / m * (1 - sinabs g y) - (1 + sinabs g y) =
  ((L - m) - sinabs g y * (L + m)) / m by field; rewrite gt_eqF.
by rewrite divr_ge0 ?subr_ge0 -?ler_pdivl_mulr // ltW.
Qed.

(** the optimal metric M_opt = M(sigma) (gamma = 1) *)
Lemma lamp_opt g y : 0 < pp g y ->
  lamp g y (sigma g y) = sigma g y * (1 + sinabs g y).
Proof.
move=> p0; have := lamp_paper p0 1; rewrite mul1r => ->.
have -> : (1 + 1) ^+ 2 - 4%:R * 1 * cos2 g y = 2%:R ^+ 2 * (1 - cos2 g y) by ring.
rewrite sqrtrM ?sqr_ge0 // sqrtr_sqr ger0_norm ?ler0n // -/(sinabs g y).
by field.
Qed.

Lemma lamm_opt g y : 0 < pp g y ->
  lamm g y (sigma g y) = sigma g y * (1 - sinabs g y).
Proof.
move=> p0; have := lamm_paper p0 1; rewrite mul1r => ->.
have -> : (1 + 1) ^+ 2 - 4%:R * 1 * cos2 g y = 2%:R ^+ 2 * (1 - cos2 g y) by ring.
rewrite sqrtrM ?sqr_ge0 // sqrtr_sqr ger0_norm ?ler0n // -/(sinabs g y).
by field.
Qed.

Lemma sinabs_lt1 g y : 0 < pp g y -> 0 < 1 - sinabs g y.
Proof.
move=> p0; have := lamm_gt0 p0 (sigma0 p0); rewrite lamm_opt //.
by rewrite pmulr_rgt0 // sigma0.
Qed.

Theorem kappa_opt g y : 0 < pp g y ->
  lamp g y (sigma g y) / lamm g y (sigma g y) = kappa_min g y.
Proof.
move=> p0; rewrite lamp_opt // lamm_opt // /kappa_min.
have := sinabs_lt1 p0; have := sigma0 p0 => s0 S1.
by field; rewrite !gt_eqF.
Qed.

(** Item 3: over the family, kappa(alpha) = lamp/lamm >= kappa(sigma) = kappa_min. *)
Theorem kappa_family g y a : 0 < pp g y -> 0 < a ->
  kappa_min g y <= lamp g y a / lamm g y a.
Proof.
move=> p0 a0; have g0 := gnz p0.
have [np|eq] : nonpar g y \/ pp g y ^+ 2 = ss y * qq g.
  by have := @cs R n g y; rewrite le_eqVlt => /orP [/eqP->|]; [right|left].
  apply: (@prop1 (Mfam g y a)).
  - exact: Mfam_sym.
  - exact: Mfam_g.
  - exact: g0.
  - exact: lamm_gt0.
  - by move=> x; apply: Mfam_lower.
  - by move=> x; apply: Mfam_upper.
have -> : kappa_min g y = 1.
  rewrite /kappa_min /sinabs /cos2 eq divff ?subrr ?sqrtr0 ?subr0 ?addr0 ?divr1 //.
  by rewrite mulf_neq0 // gt_eqF ?(s0 p0) ?(q0 p0).
by rewrite ler_pdivl_mulr ?mul1r ?lamm_gt0 // lamm_le_lamp.
Qed.

(** Proposition 2: every lower form constant m of a valid metric satisfies
    m <= rho = y^T g / g^T g = (|y|/|g|) cos psi, strictly if y is not parallel to g. *)
Theorem prop2 M g y m : spd M -> M *m g = y -> g != 0 ->
  (forall x, m * dot x x <= form M x) ->
  m <= rho g y /\ (nonpar g y -> m < rho g y).
Proof.
move=> [sM pM] Mg g0 lo; have q0 : 0 < qq g := dot_gt0 g0.
have le : m <= rho g y by rewrite /rho ler_pdivl_mulr // -(form_g Mg) lo.
split => // np; rewrite lt_def le andbT; apply/eqP => mr.
set B := M - m *: 1%:M.
have pB : forall z, 0 <= form B z by move=> z; rewrite form_shift subr_ge0.
have fB : form B g = 0 by rewrite form_shift (form_g Mg) -mr /rho divfK ?subrr ?gt_eqF.
have := psd_form0 (sym_shift m sM) pB fB.
rewrite /B mulmxBl Mg -scalemxAl mul1mx -mr => /eqP.
by rewrite (negbTE (y_minus_g_neq0 _ np)).
Qed.

(** Proposition 3: every upper form constant L of a valid metric satisfies
    L >= sigma = y^T y / y^T g = |y| / (|g| cos psi), strictly if y is not parallel to g. *)
Theorem prop3 M g y L : spd M -> M *m g = y -> g != 0 ->
  (forall x, form M x <= L * dot x x) ->
  sigma g y <= L /\ (nonpar g y -> sigma g y < L).
Proof.
move=> [sM pM] Mg g0 up; have q0 : 0 < qq g := dot_gt0 g0.
have p0 : 0 < pp g y by rewrite -(form_g Mg) pM.
have L0 : 0 < L.
  have H : pp g y <= L * qq g by rewrite -(form_g Mg) up.
  by move: (lt_le_trans p0 H); rewrite pmulr_lgt0.
have pB : forall z, 0 <= form M z.
  by move=> z; have [->|z0] := eqVneq z 0; [rewrite /form mulmx0 dot0r | exact/ltW/pM].
have H := psd_bound g sM pB (ltW L0) up; rewrite Mg (form_g Mg) in H.
have le : sigma g y <= L by rewrite /sigma ler_pdivr_mulr.
split => // np; rewrite lt_def le andbT; apply/eqP => Ls.
have E : pp g y - dot y y / L = 0.
  have s0y : 0 < dot y y := s0 p0.
  by rewrite Ls /sigma /ss; field; rewrite !gt_eqF.
have := psd_bound_aux g sM L0 up; rewrite Mg (form_g Mg) E => Hu.
have u0 : g + - L^-1 *: y = 0.
  by apply/eqP; apply: contraTT Hu => /pM; rewrite -ltNge.
have := y_minus_g_neq0 L np; apply/negP; apply/negPn/eqP.
move: u0 => /(congr1 (fun v => (- L) *: v)).
rewrite scaler0 scalerDr scalerA mulrNN divff ?gt_eqF // scale1r => /eqP.
by rewrite addrC scaleNr => /eqP.
Qed.

(** The bounds of Propositions 2 and 3 are the supremum / infimum over the
    family: lamm(a) -> rho as a -> oo and lamp(a) -> sigma as a -> 0. *)
Theorem lamm_sup g y eps : 0 < pp g y -> 0 < eps ->
  exists a, 0 < a /\ rho g y - eps < lamm g y a.
Proof.
move=> p0 e0; have r0 := rho0 p0; have s0 := sigma0 p0.
set a := rho g y * sigma g y / eps.
have a0 : 0 < a by rewrite /a divr_gt0 // mulr_gt0.
exists a; split => //.
have lm0 := lamm_gt0 p0 a0.
have lp : lamp g y a <= sigma g y + a by rewrite -(lam_sum g y a) ler_addl ltW.
have H : a * rho g y <= lamm g y a * (sigma g y + a).
  by rewrite -(lam_prod p0 a0) mulrC ler_wpmul2l // ltW.
have sa : 0 < sigma g y + a by rewrite addr_gt0.
apply: (@lt_le_trans _ _ (rho g y ^+ 2 / (rho g y + eps))).
  rewrite -subr_gt0; have -> : rho g y ^+ 2 / (rho g y + eps) - (rho g y - eps) =
    eps ^+ 2 / (rho g y + eps) by field; rewrite gt_eqF // addr_gt0.
  by rewrite divr_gt0 ?exprn_gt0 ?addr_gt0.
have -> : rho g y ^+ 2 / (rho g y + eps) = a * rho g y / (sigma g y + a).
  have h1 : 0 < sigma g y * eps + rho g y * sigma g y by apply: addr_gt0; apply: mulr_gt0.
  have h2 : 0 < rho g y + eps by apply: addr_gt0.
  by rewrite /a; field; rewrite !gt_eqF.
by rewrite ler_pdivr_mulr.
Qed.

Theorem lamp_inf g y eps : 0 < pp g y -> 0 < eps ->
  exists a, 0 < a /\ lamp g y a < sigma g y + eps.
Proof.
move=> p0 e0; exists eps; split => //.
by rewrite -(lam_sum g y eps) ltr_addl lamm_gt0.
Qed.

(** M_opt = M(sigma): a valid metric whose best form constants are
    sigma (1 -+ |sin psi|), attained at explicit nonzero vectors, with ratio kappa_min. *)
Theorem Mopt_valid g y : 0 < pp g y -> nonpar g y ->
  spd (Mfam g y (sigma g y)) /\ Mfam g y (sigma g y) *m g = y.
Proof.
move=> p0 np; split; first exact: (Mfam_spd p0 (sigma0 p0) np).
exact: (Mfam_g p0 (sigma g y)).
Qed.

Theorem Mopt_constants g y : 0 < pp g y -> nonpar g y ->
  let M := Mfam g y (sigma g y) in
  let lo := sigma g y * (1 - sinabs g y) in
  let hi := sigma g y * (1 + sinabs g y) in
  [/\ forall x, lo * dot x x <= form M x <= hi * dot x x,
      vm g y (sigma g y) != 0 /\ M *m vm g y (sigma g y) = lo *: vm g y (sigma g y),
      vp g y (sigma g y) != 0 /\ M *m vp g y (sigma g y) = hi *: vp g y (sigma g y)
    & hi / lo = kappa_min g y].
Proof.
move=> p0 np M lo hi; have s0 := sigma0 p0.
have Elo : lo = lamm g y (sigma g y) by rewrite lamm_opt.
have Ehi : hi = lamp g y (sigma g y) by rewrite lamp_opt.
split.
- by move=> x; rewrite Elo Ehi Mfam_lower ?Mfam_upper.
- by rewrite Elo; split; [exact: vm_neq0 | exact: Mfam_vm].
- by rewrite Ehi; split; [exact: vp_neq0 | exact: Mfam_vp].
- by rewrite Elo Ehi kappa_opt.
Qed.

(** ... and, when y is not parallel to g, they are not attained in the family. *)
Theorem family_not_attained g y a : 0 < pp g y -> nonpar g y -> 0 < a ->
  lamm g y a < rho g y /\ sigma g y < lamp g y a.
Proof.
move=> p0 np a0; have g0 := gnz p0.
split.
- apply: (proj2 (@prop2 (Mfam g y a) g y (lamm g y a) _ _ g0 _)) => //.
  + exact: (Mfam_spd p0 a0 np).
  + exact: (Mfam_g p0 a).
  + by move=> x; apply: Mfam_lower.
- apply: (proj2 (@prop3 (Mfam g y a) g y (lamp g y a) _ _ g0 _)) => //.
  + exact: (Mfam_spd p0 a0 np).
  + exact: (Mfam_g p0 a).
  + by move=> x; apply: Mfam_upper.
Qed.

(** the paper's closed form of the condition number over the family (22):
    kappa(gamma) = (1 + gamma + sqrt((1+gamma)^2 - 4 gamma cos^2 psi))^2 / (4 gamma cos^2 psi) *)
Theorem kappa_paper g y gm : 0 < pp g y -> 0 < gm ->
  lamp g y (gm * sigma g y) / lamm g y (gm * sigma g y) =
  (1 + gm + Num.sqrt ((1 + gm) ^+ 2 - 4%:R * gm * cos2 g y)) ^+ 2 /
  (4%:R * gm * cos2 g y).
Proof.
move=> p0 g0; have s0 := sigma0 p0; have r0 := rho0 p0.
have a0 : 0 < gm * sigma g y by rewrite mulr_gt0.
have lp0 := lamp_gt0 p0 a0.
have E : lamm g y (gm * sigma g y) = gm * sigma g y * rho g y / lamp g y (gm * sigma g y).
  by rewrite -(lam_prod p0 a0) [lamp _ _ _ * _]mulrC mulfK ?gt_eqF.
rewrite E invf_div mulrA -expr2 (lamp_paper p0); set S := Num.sqrt _.
rewrite (cos2E p0).
by field; rewrite !gt_eqF.
Qed.

End Props.
