From mathcomp Require Import all_ssreflect all_algebra.
From mathcomp Require Import ring.
From NGD Require Import Base Forms Canonical Family.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

(** * Item 2 without the non-parallel assumption: the form bounds
    lamm |x|^2 <= x^T M(a) x <= lamp |x|^2 and positive definiteness of M(a)
    hold for all y, g with y^T g > 0 (the parallel case y = rho g is done here). *)

Section Parallel.
Variables (R : rcfType) (n : nat) (g y : 'cV[R]_n).
Implicit Types (x w : 'cV[R]_n).

Lemma form_Mfam a x : form (Mfam g y a) x =
  dot y x ^+ 2 / pp g y + a * (dot x x - dot g x ^+ 2 / qq g).
Proof.
rewrite /Mfam formD form_rank1 formZ formD form1 formN formZ form_outer.
by rewrite (dotC x g) -/(pp g y) expr2 [_^-1 * _]mulrC.
Qed.

Lemma cs_x x : dot g x ^+ 2 / qq g <= dot x x.
Proof.
have [->|g0] := eqVneq g 0; first by rewrite dot0l expr0n /= mul0r dot_ge0.
by rewrite ler_pdivr_mulr ?dot_gt0 // mulrC; apply: cauchy_schwarz.
Qed.

Section Par.
Hypothesis p0 : 0 < pp g y.
Hypothesis par : pp g y ^+ 2 = ss y * qq g.

Lemma y_par : y = rho g y *: g.
Proof.
have q0 := q0 p0.
apply/eqP; rewrite -subr_eq0 -dot_eq0; apply/eqP.
rewrite !dotBl !dotBr !dotZl !dotZr (dotC g y) -/(pp g y) -/(qq g) -/(ss y) /rho.
have -> : ss y = pp g y ^+ 2 / qq g by rewrite par mulfK // gt_eqF.
by field; rewrite gt_eqF.
Qed.

Lemma sigma_eq_rho : sigma g y = rho g y.
Proof.
by apply/eqP; rewrite -subr_eq0 sigma_rho_diff // -par subrr mul0r.
Qed.

Variable a : R.
Hypothesis a0 : 0 < a.

Lemma form_Mfam_par x : form (Mfam g y a) x =
  rho g y * (dot g x ^+ 2 / qq g) + a * (dot x x - dot g x ^+ 2 / qq g).
Proof.
have q0 := q0 p0.
rewrite form_Mfam; congr (_ + _).
rewrite {1}y_par dotZl /rho; field; rewrite !gt_eqF //.
Qed.

Lemma Mfam_lower_par x : lamm g y a * dot x x <= form (Mfam g y a) x.
Proof.
rewrite form_Mfam_par -subr_ge0.
set t := dot g x ^+ 2 / qq g.
have -> : rho g y * t + a * (dot x x - t) - lamm g y a * dot x x =
  (rho g y - lamm g y a) * t + (a - lamm g y a) * (dot x x - t) by ring.
have t0 : 0 <= t by rewrite divr_ge0 ?sqr_ge0 // ltW // (q0 p0).
rewrite addr_ge0 // mulr_ge0 // subr_ge0 ?cs_x //.
- by rewrite -sigma_eq_rho (lamm_le_sigma p0 a0).
- exact: (lamm_le_a p0 a0).
Qed.

Lemma Mfam_upper_par x : form (Mfam g y a) x <= lamp g y a * dot x x.
Proof.
rewrite form_Mfam_par -subr_ge0.
set t := dot g x ^+ 2 / qq g.
have -> : lamp g y a * dot x x - (rho g y * t + a * (dot x x - t)) =
  (lamp g y a - rho g y) * t + (lamp g y a - a) * (dot x x - t) by ring.
have t0 : 0 <= t by rewrite divr_ge0 ?sqr_ge0 // ltW // (q0 p0).
rewrite addr_ge0 // mulr_ge0 // subr_ge0 ?cs_x //.
- by rewrite -sigma_eq_rho (lamp_ge_sigma p0 a0).
- exact: (lamp_ge_a p0 a0).
Qed.

(** eigen-structure in the parallel case: g is an eigenvector for rho, every
    w in g^perp one for a, and {lamp, lamm} are the roots rho, a *)
Lemma Mfam_g_par : Mfam g y a *m g = rho g y *: g.
Proof. by rewrite (Mfam_g p0) {1}y_par. Qed.

Lemma Mfam_orth_par w : dot g w = 0 -> Mfam g y a *m w = a *: w.
Proof.
move=> gw; have yw : dot y w = 0 by rewrite y_par dotZl gw mulr0.
exact: (Mfam_orth a gw yw).
Qed.

Lemma lam_roots_par l : l = lamp g y a \/ l = lamm g y a ->
  (l - rho g y) * (l - a) = 0.
Proof.
move=> hl; have := lam_charpoly p0 a0 hl; rewrite sigma_eq_rho => E.
by rewrite -E; ring.
Qed.

End Par.

(** all cases *)
Theorem Mfam_bounds_all a : 0 < pp g y -> 0 < a ->
  (forall x, lamm g y a * dot x x <= form (Mfam g y a) x) /\
  (forall x, form (Mfam g y a) x <= lamp g y a * dot x x).
Proof.
move=> p0 a0.
have [np|eq] : nonpar g y \/ pp g y ^+ 2 = ss y * qq g.
  by have := @cs R n g y; rewrite le_eqVlt => /orP [/eqP->|]; [right|left].
- by split => x; [apply: Mfam_lower | apply: Mfam_upper].
- by split => x; [apply: Mfam_lower_par | apply: Mfam_upper_par].
Qed.

Theorem Mfam_spd_all a : 0 < pp g y -> 0 < a -> spd (Mfam g y a).
Proof.
move=> p0 a0; split; first exact: Mfam_sym.
move=> x x0; apply: lt_le_trans ((Mfam_bounds_all p0 a0).1 x).
by rewrite mulr_gt0 ?(lamm_gt0 p0 a0) ?dot_gt0.
Qed.

End Parallel.
