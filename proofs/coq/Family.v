From mathcomp Require Import all_ssreflect all_algebra.
From mathcomp Require Import ring.
From NGD Require Import Base Forms Canonical.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

(** * Item 2: the one-parameter family (8) and its spectrum (Lemma 1). *)

Section Family.
Variables (R : rcfType) (n : nat) (g y : 'cV[R]_n).
Implicit Types (u v w x z : 'cV[R]_n) (M : 'M[R]_n) (a b c t : R).

Definition pp := dot y g.          (* y^T g *)
Definition qq := dot g g.          (* g^T g *)
Definition ss := dot y y.          (* y^T y *)
Definition sigma := ss / pp.       (* = |y| / (|g| cos psi) *)
Definition rho := pp / qq.         (* = (|y| / |g|) cos psi *)
Definition cos2 := pp ^+ 2 / (ss * qq).   (* cos^2 psi *)
Definition sinabs := Num.sqrt (1 - cos2). (* |sin psi| *)
(** y and g are not parallel: strict Cauchy--Schwarz *)
Definition nonpar : Prop := pp ^+ 2 < ss * qq.

Definition Mfam a : 'M[R]_n :=
  rank1 y g + a *: (1%:M - qq^-1 *: (g *m g^T)).

Definition disc a := (sigma + a) ^+ 2 - 4%:R * a * rho.
Definition lamp a := (sigma + a + Num.sqrt (disc a)) / 2%:R.
Definition lamm a := (sigma + a - Num.sqrt (disc a)) / 2%:R.

Hypothesis p0 : 0 < pp.
(* (the only Hypothesis of the development: the effectiveness condition
   y^T g > 0, discharged as an explicit premise of every exported theorem
   when the section is closed) *)

Lemma gnz : g != 0.
Proof. exact: g_neq0 p0. Qed.
Lemma q0 : 0 < qq.
Proof. exact: dot_gt0 gnz. Qed.
Lemma ynz : y != 0.
Proof. by apply: contraTneq p0; rewrite /pp => ->; rewrite dot0l ltxx. Qed.
Lemma s0 : 0 < ss.
Proof. exact: dot_gt0 ynz. Qed.
Lemma sigma0 : 0 < sigma.
Proof. by rewrite divr_gt0 ?s0. Qed.
Lemma rho0 : 0 < rho.
Proof. by rewrite divr_gt0 ?q0. Qed.

Lemma cs : pp ^+ 2 <= ss * qq.
Proof. by rewrite /pp /ss /qq cauchy_schwarz. Qed.

Lemma rho_le_sigma : rho <= sigma.
Proof.
rewrite /rho /sigma ler_pdivr_mulr ?q0 // mulrAC ler_pdivl_mulr //.
by rewrite -expr2 cs.
Qed.

Lemma sigma_rho_diff : sigma - rho = (ss * qq - pp ^+ 2) / (pp * qq).
Proof. by rewrite /sigma /rho; field; rewrite !gt_eqF ?q0. Qed.

Lemma rho_lt_sigma : nonpar -> rho < sigma.
Proof.
move=> np; rewrite -subr_gt0 sigma_rho_diff divr_gt0 ?mulr_gt0 ?q0 //.
by rewrite subr_gt0.
Qed.

Lemma cos2E : cos2 = rho / sigma.
Proof. by rewrite /cos2 /rho /sigma; field; rewrite !gt_eqF ?q0 ?s0. Qed.

Lemma disc_sos a : disc a = (sigma - a) ^+ 2 + 4%:R * a * (sigma - rho).
Proof. by rewrite /disc; ring. Qed.

Section Alpha.
Variable a : R.
Hypothesis a0 : 0 < a.

Lemma disc_ge : (sigma - a) ^+ 2 <= disc a.
Proof.
rewrite disc_sos ler_addl mulr_ge0 // ?subr_ge0 ?rho_le_sigma //.
by rewrite mulr_ge0 ?ler0n // ltW.
Qed.

Lemma disc_ge0 : 0 <= disc a.
Proof. exact: le_trans (sqr_ge0 _) disc_ge. Qed.

Lemma disc_gt0 : nonpar -> 0 < disc a.
Proof.
move=> np; rewrite disc_sos ltr_paddl ?sqr_ge0 // mulr_gt0 ?subr_gt0 ?rho_lt_sigma //.
by rewrite mulr_gt0 // ltr0n.
Qed.

Lemma sqrt_disc_ge : `|sigma - a| <= Num.sqrt (disc a).
Proof. by rewrite -sqrtr_sqr ler_wsqrtr // disc_ge. Qed.

Lemma lam_sum : lamp a + lamm a = sigma + a.
Proof. by rewrite /lamp /lamm; field. Qed.

Lemma lam_prod : lamp a * lamm a = a * rho.
Proof.
rewrite /lamp /lamm.
have E : Num.sqrt (disc a) ^+ 2 = disc a by rewrite sqr_sqrtr // disc_ge0.
have -> : (sigma + a + Num.sqrt (disc a)) / 2%:R * ((sigma + a - Num.sqrt (disc a)) / 2%:R)
  = ((sigma + a) ^+ 2 - Num.sqrt (disc a) ^+ 2) / 4%:R.
  by field.
by rewrite E /disc; field.
Qed.

Lemma lam_charpoly l : l = lamp a \/ l = lamm a -> l ^+ 2 - (sigma + a) * l + a * rho = 0.
Proof. by rewrite -lam_sum -lam_prod => -[->|->]; ring. Qed.

(** lamm <= min(sigma, a) <= max(sigma, a) <= lamp *)
Lemma lamp_ge_a : a <= lamp a.
Proof.
rewrite /lamp ler_pdivl_mulr ?ltr0n // -subr_ge0.
have -> : sigma + a + Num.sqrt (disc a) - a * 2%:R = Num.sqrt (disc a) - (a - sigma)
  by ring.
by rewrite subr_ge0 (le_trans _ sqrt_disc_ge) // distrC ler_norm.
Qed.

Lemma lamp_ge_sigma : sigma <= lamp a.
Proof.
rewrite /lamp ler_pdivl_mulr ?ltr0n // -subr_ge0.
have -> : sigma + a + Num.sqrt (disc a) - sigma * 2%:R = Num.sqrt (disc a) - (sigma - a)
  by ring.
by rewrite subr_ge0 (le_trans _ sqrt_disc_ge) // ler_norm.
Qed.

Lemma lamm_le_a : lamm a <= a.
Proof.
rewrite /lamm ler_pdivr_mulr ?ltr0n // -subr_ge0.
have -> : a * 2%:R - (sigma + a - Num.sqrt (disc a)) = Num.sqrt (disc a) - (sigma - a)
  by ring.
by rewrite subr_ge0 (le_trans _ sqrt_disc_ge) // ler_norm.
Qed.

Lemma lamm_le_sigma : lamm a <= sigma.
Proof.
rewrite /lamm ler_pdivr_mulr ?ltr0n // -subr_ge0.
have -> : sigma * 2%:R - (sigma + a - Num.sqrt (disc a)) = Num.sqrt (disc a) - (a - sigma)
  by ring.
by rewrite subr_ge0 (le_trans _ sqrt_disc_ge) // distrC ler_norm.
Qed.

Lemma lamp_gt0 : 0 < lamp a.
Proof. exact: lt_le_trans a0 lamp_ge_a. Qed.

Lemma lamm_gt0 : 0 < lamm a.
Proof.
have := lam_prod; have := lamp_gt0 => lp E.
have : 0 < lamp a * lamm a by rewrite E mulr_gt0 ?rho0.
by rewrite pmulr_rgt0.
Qed.

Lemma lamm_le_lamp : lamm a <= lamp a.
Proof. exact: le_trans lamm_le_a lamp_ge_a. Qed.

Lemma lamm_lt_lamp : nonpar -> lamm a < lamp a.
Proof.
move=> np; rewrite /lamm /lamp ltr_pmul2r ?invr_gt0 ?ltr0n //.
by rewrite ltr_add2l gtr_opp // sqrtr_gt0 disc_gt0.
Qed.

(** action of M(a) on g, on y, and on the orthogonal complement of span{g,y} *)
Lemma Mfam_g : Mfam a *m g = y.
Proof.
rewrite /Mfam mulmxDl rank1_mul divff ?gt_eqF // scale1r -scalemxAl mulmxBl mul1mx.
by rewrite -scalemxAl outer_mul scalerA mulVf ?gt_eqF ?q0 // scale1r subrr scaler0 addr0.
Qed.

Lemma Mfam_y : Mfam a *m y = (sigma + a) *: y - (a * rho) *: g.
Proof.
rewrite /Mfam mulmxDl rank1_mul -scalemxAl mulmxBl mul1mx -scalemxAl outer_mul.
rewrite scalerA scalerBr scalerA scalerDl /sigma /rho (dotC g y) -/pp.
by rewrite (mulrC _ pp) -addrA.
Qed.

Lemma Mfam_orth w : dot g w = 0 -> dot y w = 0 -> Mfam a *m w = a *: w.
Proof.
move=> gw yw; rewrite /Mfam mulmxDl rank1_mul yw mul0r scale0r add0r.
by rewrite -scalemxAl mulmxBl mul1mx -scalemxAl outer_mul gw scale0r scaler0 subr0.
Qed.

Lemma Mfam_sym : sym (Mfam a).
Proof.
apply: symD; first exact: sym_rank1.
by apply/symZ/symD; [exact: sym1 | apply/symN/symZ/sym_outer].
Qed.

(** eigenvectors in span{g, y}: v+ = y - lamm g and v- = y - lamp g *)
Definition vp := y - lamm a *: g.
Definition vm := y - lamp a *: g.

Lemma Mfam_vp : Mfam a *m vp = lamp a *: vp.
Proof.
rewrite /vp mulmxBr -scalemxAr Mfam_g Mfam_y -lam_prod -lam_sum.
rewrite scalerBr scalerA scalerDl; apply/matrixP => i j; rewrite !mxE.
by move: (y i j) (g i j) (lamp a) (lamm a) => Y G P Q; ring.
Qed.

Lemma Mfam_vm : Mfam a *m vm = lamm a *: vm.
Proof.
rewrite /vm mulmxBr -scalemxAr Mfam_g Mfam_y -lam_prod -lam_sum.
rewrite scalerBr scalerA scalerDl; apply/matrixP => i j; rewrite !mxE.
by move: (y i j) (g i j) (lamp a) (lamm a) => Y G P Q; ring.
Qed.

Lemma y_minus_g_neq0 l : nonpar -> y - l *: g != 0.
Proof.
move=> np; apply/eqP => /eqP; rewrite subr_eq0 => /eqP yl.
by move: np; rewrite /nonpar /pp /ss /qq yl parallel_eq ltxx.
Qed.

Lemma vp_neq0 : nonpar -> vp != 0. Proof. exact: y_minus_g_neq0. Qed.
Lemma vm_neq0 : nonpar -> vm != 0. Proof. exact: y_minus_g_neq0. Qed.

End Alpha.
End Family.
