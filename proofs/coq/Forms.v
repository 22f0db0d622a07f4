From mathcomp Require Import all_ssreflect all_algebra.
From mathcomp Require Import ring.
From NGD Require Import Base.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

(** * General facts on dot products and symmetric forms (no spectral theorem). *)

Section Forms.
Variables (R : rcfType) (n : nat).
Implicit Types (u v w x z : 'cV[R]_n) (A B M : 'M[R]_n) (a b c t : R).

Lemma dot_sumr (k : nat) u (v : 'I_k -> 'cV[R]_n) :
  dot u (\sum_i v i) = \sum_i dot u (v i).
Proof. by rewrite /dot mulmx_sumr summxE. Qed.

Lemma dot_suml (k : nat) u (v : 'I_k -> 'cV[R]_n) :
  dot (\sum_i v i) u = \sum_i dot (v i) u.
Proof. by rewrite dotC dot_sumr; apply: eq_bigr => i _; rewrite dotC. Qed.

Lemma form_sum (k : nat) (A : 'I_k -> 'M[R]_n) x :
  form (\sum_i A i) x = \sum_i form (A i) x.
Proof. by rewrite /form mulmx_suml dot_sumr. Qed.

(** Cauchy--Schwarz *)
Lemma cauchy_schwarz u v : dot u v ^+ 2 <= dot u u * dot v v.
Proof.
have [->|v0] := eqVneq v 0; first by rewrite !dot0r expr0n mulr0.
have vv := dot_gt0 v0; set t := dot u v / dot v v.
rewrite -subr_ge0; have -> : dot u u * dot v v - dot u v ^+ 2 =
  dot v v * dot (u - t *: v) (u - t *: v).
  rewrite !dotBl !dotBr !dotZl !dotZr (dotC v u) /t.
  by field; rewrite gt_eqF.
by rewrite mulr_ge0 ?dot_ge0 // ltW.
Qed.

Lemma parallel_eq u c : dot (c *: u) u ^+ 2 = dot (c *: u) (c *: u) * dot u u.
Proof. by rewrite !dotZl !dotZr; ring. Qed.

(** A positive semidefinite symmetric form vanishing at x kills x. *)
Lemma psd_form0 B x : sym B -> (forall z, 0 <= form B z) ->
  form B x = 0 -> B *m x = 0.
Proof.
move=> sB pB fx; set z := B *m x.
apply/eqP; rewrite -dot_eq0; apply/eqP.
set K := form B z; have K0 : 0 <= K by apply: pB.
set zz := dot z z; have zz0 : 0 <= zz by apply: dot_ge0.
have K1 : 0 < K + 1 by rewrite ltr_paddl ?ltr01.
set t := zz / (K + 1).
have E : form B (x + (- t) *: z) = - (zz ^+ 2 * (K + 2%:R) / (K + 1) ^+ 2).
  rewrite form_add // form_scale fx dotZl -/z -/K -/zz /t.
  by field; rewrite gt_eqF.
have := pB (x + (- t) *: z); rewrite E oppr_ge0 => H.
have H2 : zz ^+ 2 <= 0.
  move: H; rewrite pmulr_lle0 ?invr_gt0 ?exprn_gt0 //.
  by rewrite pmulr_lle0 // ltr_paddl // ltr0Sn.
have : zz ^+ 2 == 0 by rewrite eq_le H2 sqr_ge0.
by rewrite expf_eq0 /= => /eqP.
Qed.

(** For a PSD form with upper constant c > 0:
    form B (x - B x / c) <= form B x - |B x|^2 / c. *)
Lemma psd_bound_aux B x c : sym B -> 0 < c ->
  (forall z, form B z <= c * dot z z) ->
  form B (x + (- c^-1) *: (B *m x)) <= form B x - dot (B *m x) (B *m x) / c.
Proof.
move=> sB c0 ub; rewrite form_add // form_scale dotZl.
have := ub (B *m x); set zz := dot (B *m x) (B *m x); set K := form B _ => H.
rewrite -subr_ge0.
have -> : form B x - zz / c - (form B x + 2%:R * (- c^-1 * zz) + (- c^-1) ^+ 2 * K)
  = c^-1 ^+ 2 * (c * zz - K) by field; rewrite gt_eqF.
by rewrite mulr_ge0 ?sqr_ge0 // subr_ge0.
Qed.

Lemma psd_bound B x c : sym B -> (forall z, 0 <= form B z) -> 0 <= c ->
  (forall z, form B z <= c * dot z z) ->
  dot (B *m x) (B *m x) <= c * form B x.
Proof.
move=> sB pB; rewrite le_eqVlt => /orP [/eqP c0|c0] ub.
  have Bx : B *m x = 0.
    apply: psd_form0 => //; apply/eqP; rewrite eq_le pB andbT.
    by have := ub x; rewrite -c0 mul0r.
  by rewrite Bx dot0r -c0 mul0r.
have := psd_bound_aux x sB c0 ub; have := pB (x + (- c^-1) *: (B *m x)).
move=> /le_trans H /H; rewrite subr_ge0 ler_pdivr_mulr // mulrC //.
Qed.

(** Three mutually orthogonal eigenvectors: the form splits. *)
Lemma form_eig3 M (e1 e2 e3 : 'cV[R]_n) (l1 l2 l3 : R) :
  M *m e1 = l1 *: e1 -> M *m e2 = l2 *: e2 -> M *m e3 = l3 *: e3 ->
  dot e1 e2 = 0 -> dot e1 e3 = 0 -> dot e2 e3 = 0 ->
  form M (e1 + e2 + e3) = l1 * dot e1 e1 + l2 * dot e2 e2 + l3 * dot e3 e3.
Proof.
move=> E1 E2 E3 o12 o13 o23; rewrite /form !mulmxDr E1 E2 E3.
rewrite !dotDl !dotDr !dotZr (dotC e2 e1) (dotC e3 e1) (dotC e3 e2) o12 o13 o23.
by ring.
Qed.

Lemma dot_orth3 (e1 e2 e3 : 'cV[R]_n) :
  dot e1 e2 = 0 -> dot e1 e3 = 0 -> dot e2 e3 = 0 ->
  dot (e1 + e2 + e3) (e1 + e2 + e3) = dot e1 e1 + dot e2 e2 + dot e3 e3.
Proof.
move=> o12 o13 o23; rewrite !dotDl !dotDr (dotC e2 e1) (dotC e3 e1) (dotC e3 e2).
by rewrite o12 o13 o23; ring.
Qed.

(** eigenvectors of a symmetric matrix for distinct eigenvalues are orthogonal *)
Lemma eig_orth M u v a b : sym M -> M *m u = a *: u -> M *m v = b *: v ->
  a != b -> dot u v = 0.
Proof.
move=> sM Mu Mv ab; have : dot (M *m u) v = dot u (M *m v) by rewrite dot_sym.
rewrite Mu Mv dotZl dotZr => /eqP; rewrite -subr_eq0 -mulrBl mulf_eq0 subr_eq0.
by rewrite (negbTE ab) => /eqP.
Qed.

End Forms.
