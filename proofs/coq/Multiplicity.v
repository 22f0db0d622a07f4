From mathcomp Require Import all_ssreflect all_algebra.
From mathcomp Require Import ring.
From NGD Require Import Base Forms Canonical Family.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

(** * Item 2, the eigenvalue a of M(a) has multiplicity n - 2:
    its eigenspace is exactly span{g, y}^perp, a subspace of dimension n - 2. *)

Section Multiplicity.
Variables (R : rcfType) (n : nat) (g y : 'cV[R]_n).
Implicit Types (x w : 'cV[R]_n).

Lemma lamp_gt_a a : 0 < pp g y -> 0 < a -> nonpar g y -> a < lamp g y a.
Proof.
move=> p0 a0 np; rewrite /lamp ltr_pdivl_mulr ?ltr0n // -subr_gt0.
have -> : sigma g y + a + Num.sqrt (disc g y a) - a * 2%:R =
  Num.sqrt (disc g y a) - (a - sigma g y) by ring.
rewrite subr_gt0; apply: le_lt_trans (ler_norm _) _.
rewrite -sqrtr_sqr ltr_sqrt ?disc_gt0 // disc_sos -subr_gt0.
set K := 4%:R * a * (sigma g y - rho g y).
have -> : (sigma g y - a) ^+ 2 + K - (a - sigma g y) ^+ 2 = K by rewrite /K; ring.
by rewrite /K mulr_gt0 ?subr_gt0 ?rho_lt_sigma // mulr_gt0 // ltr0n.
Qed.

Lemma lamm_lt_a a : 0 < pp g y -> 0 < a -> nonpar g y -> lamm g y a < a.
Proof.
move=> p0 a0 np; rewrite /lamm ltr_pdivr_mulr ?ltr0n // -subr_gt0.
have -> : a * 2%:R - (sigma g y + a - Num.sqrt (disc g y a)) =
  Num.sqrt (disc g y a) - (sigma g y - a) by ring.
rewrite subr_gt0; apply: le_lt_trans (ler_norm _) _.
rewrite -sqrtr_sqr ltr_sqrt ?disc_gt0 // disc_sos -subr_gt0.
set K := 4%:R * a * (sigma g y - rho g y).
have -> : (sigma g y - a) ^+ 2 + K - (sigma g y - a) ^+ 2 = K by rewrite /K; ring.
by rewrite /K mulr_gt0 ?subr_gt0 ?rho_lt_sigma // mulr_gt0 // ltr0n.
Qed.

(** the a-eigenspace of M(a) is exactly span{g, y}^perp *)
Theorem alpha_eigenspace a x : 0 < pp g y -> 0 < a -> nonpar g y ->
  Mfam g y a *m x = a *: x <-> dot g x = 0 /\ dot y x = 0.
Proof.
move=> p0 a0 np; split; last by move=> [gx yx]; apply: Mfam_orth.
move=> Mx.
have orth : forall v l, Mfam g y a *m v = l *: v -> l != a -> dot v x = 0.
  move=> v l Mv la; have : dot (Mfam g y a *m v) x = dot v (Mfam g y a *m x).
    by rewrite dot_sym //; apply: Mfam_sym.
  rewrite Mv Mx dotZl dotZr => /eqP; rewrite -subr_eq0 -mulrBl mulf_eq0 subr_eq0.
  by rewrite (negbTE la) => /eqP.
have vpx : dot (vp g y a) x = 0.
  by apply: orth (Mfam_vp p0 a0) _; rewrite gt_eqF // lamp_gt_a.
have vmx : dot (vm g y a) x = 0.
  by apply: orth (Mfam_vm p0 a0) _; rewrite lt_eqF // lamm_lt_a.
have gx : dot g x = 0.
  have : dot (vp g y a - vm g y a) x = 0 by rewrite dotBl vpx vmx subrr.
  rewrite (vp_sub_vm g y a) dotZl => /eqP; rewrite mulf_eq0 subr_eq0.
  by rewrite (negbTE (lam_neq p0 a0 np)) => /eqP.
split => //; by rewrite (y_decomp g y a) dotDl dotZl vpx gx mulr0 addr0.
Qed.

(** g and y are linearly independent: the n x 2 matrix [g y] has rank 2 *)
Lemma rank_gy : 0 < pp g y -> nonpar g y -> \rank (row_mx g y) = 2%N.
Proof.
move=> p0 np; rewrite -mxrank_tr tr_row_mx.
have D0 : ss y * qq g - pp g y ^+ 2 != 0 by rewrite subr_eq0 eq_sym lt_eqF.
set D := ss y * qq g - pp g y ^+ 2 in D0.
set u := D^-1 *: (ss y *: g - pp g y *: y).
set v := D^-1 *: (qq g *: y - pp g y *: g).
suff : row_free (col_mx g^T y^T) by move/eqP.
apply/row_freeP; exists (row_mx u v).
rewrite mul_col_row (scalar_mx_block 1 1 1).
have E : forall w z, w^T *m z = (dot w z)%:M by move=> w z; rewrite [LHS]mx11_scalar.
rewrite !E /u /v !dotZr !dotBr !dotZr (dotC g y) -/(pp g y) -/(qq g) -/(ss y).
have -> : D^-1 * (ss y * qq g - pp g y * pp g y) = 1 by rewrite /D expr2 mulVf.
have -> : D^-1 * (qq g * pp g y - pp g y * qq g) = 0.
  by rewrite (mulrC (qq g)) subrr mulr0.
have -> : D^-1 * (ss y * pp g y - pp g y * ss y) = 0.
  by rewrite (mulrC (ss y)) subrr mulr0.
have -> : D^-1 * (qq g * ss y - pp g y * pp g y) = 1.
  by rewrite /D (mulrC (qq g)) expr2 mulVf // -expr2.
by rewrite raddf0.
Qed.

(** multiplicity n - 2: the rows u (1 x n) of the left kernel of [g y] are exactly the
    transposes of the a-eigenvectors, and this kernel has dimension n - 2 *)
Theorem alpha_multiplicity a : 0 < pp g y -> 0 < a -> nonpar g y ->
  \rank (kermx (row_mx g y)) = (n - 2)%N /\
  forall u : 'rV[R]_n,
    (u <= kermx (row_mx g y))%MS <-> Mfam g y a *m u^T = a *: u^T.
Proof.
move=> p0 a0 np; split; first by rewrite mxrank_ker rank_gy.
move=> u; rewrite alpha_eigenspace //.
have E : forall w : 'cV[R]_n, (u *m w == 0) = (dot w u^T == 0).
  move=> w; rewrite /dot -trmx_mul mxE.
  apply/eqP/eqP => [->|H]; first by rewrite mxE.
  by rewrite [u *m w]mx11_scalar H raddf0.
split.
- move/sub_kermxP; rewrite mul_mx_row => /eqP; rewrite row_mx_eq0 !E.
  by case/andP => /eqP -> /eqP ->.
- move=> [gu yu]; apply/sub_kermxP; rewrite mul_mx_row; apply/eqP.
  by rewrite row_mx_eq0 !E gu yu eqxx.
Qed.

End Multiplicity.
