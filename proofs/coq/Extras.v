From mathcomp Require Import all_ssreflect all_algebra.
From mathcomp Require Import ring.
From NGD Require Import Base Forms Canonical Family Parallel Prop123 Discrete.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

(** * Complements: the parallel case of Props 2-3, the Kantorovich/Wielandt angle
    bound, and the paper's expressions through norms and cos psi. *)

Section Extras.
Variables (R : rcfType) (n : nat).
Implicit Types (x g y : 'cV[R]_n) (M : 'M[R]_n) (m L : R).

(** If y is parallel to g (sin psi = 0), the bounds of Props 2 and 3 are attained:
    M(rho) = rho I, so m = L = rho = sigma. Hence strictness holds iff y is not parallel to g. *)
Theorem parallel_attained g y : 0 < pp g y -> pp g y ^+ 2 = ss y * qq g ->
  sigma g y = rho g y /\ forall x, form (Mfam g y (rho g y)) x = rho g y * dot x x.
Proof.
move=> p0 par; split; first exact: sigma_eq_rho.
by move=> x; rewrite form_Mfam_par //; ring.
Qed.

(** Kantorovich / Wielandt angle bound (the content of Prop. 1 for an arbitrary vector):
    for symmetric M with 0 < m |x|^2 <= x^T M x <= L |x|^2,
    cos^2 angle(x, Mx) >= 4 m L / (L + m)^2 *)
Theorem wielandt M m L x : M^T = M -> 0 < m ->
  (forall z, m * dot z z <= form M z) -> (forall z, form M z <= L * dot z z) ->
  4%:R * m * L * (dot (M *m x) (M *m x) * dot x x) <= (L + m) ^+ 2 * form M x ^+ 2.
Proof.
move=> sM m0 lo up.
have [->|x0] := eqVneq x 0.
  by rewrite /form !mulmx0 !dot0r !mul0r expr0n /= !mulr0.
have xx := dot_gt0 x0.
have mL : m <= L.
  by rewrite -(ler_pmul2r xx); apply: le_trans (lo x) (up x).
have K := key_ineq sM (erefl (M *m x)) lo up mL.
move: K; rewrite /ss /qq /pp dotC -/(form M x) => K.
have := four_ineq (dot_ge0 _) (dot_ge0 _) (ltW m0) (le_trans (ltW m0) mL) K.
by rewrite -!mulrA.
Qed.

(** the paper's quantities through norms: |y| = sqrt(y^T y), |g| = sqrt(g^T g),
    cos psi = y^T g / (|y| |g|) *)
Definition normv (u : 'cV[R]_n) := Num.sqrt (dot u u).
Definition cospsi g y := pp g y / (normv y * normv g).

Theorem norms_relations g y : 0 < pp g y ->
  [/\ sigma g y = normv y / (normv g * cospsi g y),
      rho g y = normv y / normv g * cospsi g y,
      cos2 g y = cospsi g y ^+ 2,
      0 < cospsi g y <= 1
    & sigma g y * (1 + sinabs g y) =
        normv y / normv g * (1 / cospsi g y + sinabs g y / cospsi g y)].
Proof.
move=> p0; have q0 := q0 p0; have s0 := s0 p0.
have ny0 : 0 < normv y by rewrite /normv sqrtr_gt0.
have ng0 : 0 < normv g by rewrite /normv sqrtr_gt0.
have ny2 : normv y ^+ 2 = ss y by rewrite /normv sqr_sqrtr // ltW.
have ng2 : normv g ^+ 2 = qq g by rewrite /normv sqr_sqrtr // ltW.
have c0 : 0 < cospsi g y by rewrite /cospsi divr_gt0 // mulr_gt0.
split.
- rewrite /sigma /cospsi -ny2; field.
  by rewrite !gt_eqF.
- rewrite /rho /cospsi -ng2; field.
  by rewrite !gt_eqF.
- by rewrite /cos2 /cospsi -ny2 -ng2; field; rewrite !gt_eqF.
- rewrite c0 /= /cospsi ler_pdivr_mulr ?mul1r ?mulr_gt0 //.
  have pn : 0 <= pp g y by exact: ltW.
  have nn : 0 <= normv y * normv g by rewrite mulr_ge0 // ltW.
  rewrite -(@ler_pexpn2r _ 2) ?nnegrE // exprMn ny2 ng2.
  exact: cs.
- rewrite /sigma /cospsi -ny2; field.
  by rewrite !gt_eqF.
Qed.

(** genuine limits: lamm(a) -> rho as a -> +oo and lamp(a) -> sigma as a -> 0+,
    with lamm(a) <= rho and sigma <= lamp(a) for every a (Props 2, 3 for M(a)) *)
Theorem lamm_limit g y eps : 0 < pp g y -> 0 < eps ->
  exists A, 0 < A /\ forall a, A <= a ->
    rho g y - eps < lamm g y a <= rho g y.
Proof.
move=> p0 e0; have r0 := rho0 p0; have s0 := sigma0 p0; have g0 := gnz p0.
set A := rho g y * sigma g y / eps.
have A0 : 0 < A by rewrite /A divr_gt0 // mulr_gt0.
exists A; split => // a Aa; have a0 := lt_le_trans A0 Aa.
have [lo up] := Mfam_bounds_all p0 a0.
have le : lamm g y a <= rho g y.
  by case: (prop2 (Mfam_spd_all p0 a0) (Mfam_g p0 a) g0 lo).
rewrite le andbT.
have lm0 := lamm_gt0 p0 a0.
have lp : lamp g y a <= sigma g y + a by rewrite -(lam_sum g y a) ler_addl ltW.
have H : a * rho g y <= lamm g y a * (sigma g y + a).
  by rewrite -(lam_prod p0 a0) mulrC ler_wpmul2l // ltW.
have sa : 0 < sigma g y + a by rewrite addr_gt0.
have sA : 0 < sigma g y + A by rewrite addr_gt0.
apply: (@lt_le_trans _ _ (rho g y ^+ 2 / (rho g y + eps))).
  rewrite -subr_gt0; have -> : rho g y ^+ 2 / (rho g y + eps) - (rho g y - eps) =
    eps ^+ 2 / (rho g y + eps) by field; rewrite gt_eqF // addr_gt0.
  by rewrite divr_gt0 ?exprn_gt0 ?addr_gt0.
have -> : rho g y ^+ 2 / (rho g y + eps) = A * rho g y / (sigma g y + A).
  have h1 : 0 < sigma g y * eps + rho g y * sigma g y by apply: addr_gt0; apply: mulr_gt0.
  have h2 : 0 < rho g y + eps by apply: addr_gt0.
  by rewrite /A; field; rewrite !gt_eqF.
apply: le_trans (_ : a * rho g y / (sigma g y + a) <= _); last by rewrite ler_pdivr_mulr.
(* t |-> t rho / (sigma + t) is increasing *)
rewrite -subr_ge0.
have -> : a * rho g y / (sigma g y + a) - A * rho g y / (sigma g y + A) =
  rho g y * sigma g y * (a - A) / ((sigma g y + a) * (sigma g y + A)).
  by field; rewrite !gt_eqF.
have aA : 0 <= a - A by rewrite subr_ge0.
have n1 : 0 <= rho g y * sigma g y * (a - A) by rewrite mulr_ge0 // mulr_ge0 // ltW.
have d1 : 0 <= (sigma g y + a) * (sigma g y + A) by rewrite mulr_ge0 // ltW.
by rewrite divr_ge0.
Qed.

Theorem lamp_limit g y eps : 0 < pp g y -> 0 < eps ->
  forall a, 0 < a -> a < eps -> sigma g y <= lamp g y a < sigma g y + eps.
Proof.
move=> p0 e0 a a0 ae; have g0 := gnz p0.
have [lo up] := Mfam_bounds_all p0 a0.
have -> : sigma g y <= lamp g y a.
  by case: (prop3 (Mfam_spd_all p0 a0) (Mfam_g p0 a) g0 up).
rewrite /= -subr_gt0.
have -> : sigma g y + eps - lamp g y a = (eps - a) + lamm g y a.
  have E : lamp g y a = sigma g y + a - lamm g y a by rewrite -(lam_sum g y a) addrK.
  by rewrite E; ring.
by rewrite addr_gt0 ?subr_gt0 // (lamm_gt0 p0 a0).
Qed.

(** rho_bar / h is exactly the supremum of the step sizes certified by
    hessian_corrected_spd: for every eta < rho_bar / h some valid metric Mbar
    makes Mbar + eta H SPD for EVERY symmetric H >= -h I. *)
Theorem hessian_sup g yb h eta : 0 < pp g yb -> 0 < h -> 0 <= eta ->
  eta < rho g yb / h ->
  exists Mb : 'M[R]_n, [/\ spd Mb, Mb *m g = yb &
    forall H : 'M[R]_n, H^T = H -> (forall x, - h * dot x x <= form H x) ->
      spd (Mb + eta *: H)].
Proof.
move=> p0 h0 e0 eh.
have ep : 0 < rho g yb - eta * h by rewrite subr_gt0 -ltr_pdivl_mulr.
have [A [A0 HA]] := lamm_limit p0 ep.
have /andP [lt _] := HA A (lexx A).
exists (Mfam g yb A); split.
- exact: (Mfam_spd_all p0 A0).
- exact: (Mfam_g p0 A).
- move=> H sH hH; apply: (hessian_corrected_spd (Mfam_sym _ _ _) sH _ hH h0 e0).
  + by move=> x; apply: (Mfam_bounds_all p0 A0).1.
  + by rewrite ltr_pdivl_mulr //; move: lt; rewrite opprB addrC subrK.
Qed.

End Extras.
