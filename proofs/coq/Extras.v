From mathcomp Require Import all_ssreflect all_algebra.
From mathcomp Require Import ring.
From NGD Require Import Base Forms Canonical Family Parallel Prop123.

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

End Extras.
