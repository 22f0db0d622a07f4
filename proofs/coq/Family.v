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
(* (a section premise: the effectiveness condition y^T g > 0; it becomes an
   explicit premise of every lemma of this section that uses it when the
   section is closed) *)

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

(** orthogonal decomposition x = e1 + e2 + e3 along v+, v-, and span{g,y}^perp *)
Section Decomp.
Hypothesis np : nonpar.

Lemma lam_neq : lamp a != lamm a.
Proof. by rewrite gt_eqF // lamm_lt_lamp. Qed.

Lemma vp_vm_orth : dot vp vm = 0.
Proof. exact: eig_orth Mfam_sym Mfam_vp Mfam_vm lam_neq. Qed.

Lemma vp_sub_vm : vp - vm = (lamp a - lamm a) *: g.
Proof. by rewrite /vp /vm scalerBl; apply/matrixP => i j; rewrite !mxE;
  move: (y i j) (g i j) (lamp a) (lamm a) => Y G P Q; ring. Qed.

Lemma y_decomp : y = vp + lamm a *: g.
Proof. by rewrite /vp subrK. Qed.

Variable x : 'cV[R]_n.
Definition e1 := (dot vp x / dot vp vp) *: vp.
Definition e2 := (dot vm x / dot vm vm) *: vm.
Definition e3 := x - e1 - e2.

Lemma x_decomp : x = e1 + e2 + e3.
Proof.
apply/matrixP => i j; rewrite /e3 !mxE.
by move: (x i j) (e1 i j) (e2 i j) => X A B; ring.
Qed.

Lemma vpp : 0 < dot vp vp. Proof. exact/dot_gt0/vp_neq0. Qed.
Lemma vmm : 0 < dot vm vm. Proof. exact/dot_gt0/vm_neq0. Qed.

Lemma vp_e3 : dot vp e3 = 0.
Proof.
rewrite /e3 !dotBr /e1 /e2 !dotZr vp_vm_orth mulr0 subr0 mulfVK ?subrr //.
by rewrite gt_eqF ?vpp.
Qed.

Lemma vm_e3 : dot vm e3 = 0.
Proof.
rewrite /e3 !dotBr /e1 /e2 !dotZr (dotC vm vp) vp_vm_orth mulr0 subr0 mulfVK ?subrr //.
by rewrite gt_eqF ?vmm.
Qed.

Lemma g_e3 : dot g e3 = 0.
Proof.
have : dot (vp - vm) e3 = 0 by rewrite dotBl vp_e3 vm_e3 subrr.
rewrite vp_sub_vm dotZl => /eqP; rewrite mulf_eq0 subr_eq0 (negbTE lam_neq) /=.
by move/eqP.
Qed.

Lemma y_e3 : dot y e3 = 0.
Proof. by rewrite y_decomp dotDl dotZl vp_e3 g_e3 mulr0 addr0. Qed.

Lemma Mfam_e1 : Mfam a *m e1 = lamp a *: e1.
Proof. by rewrite /e1 -scalemxAr Mfam_vp !scalerA mulrC. Qed.

Lemma Mfam_e2 : Mfam a *m e2 = lamm a *: e2.
Proof. by rewrite /e2 -scalemxAr Mfam_vm !scalerA mulrC. Qed.

Lemma Mfam_e3 : Mfam a *m e3 = a *: e3.
Proof. exact: Mfam_orth g_e3 y_e3. Qed.

Lemma e12 : dot e1 e2 = 0.
Proof. by rewrite /e1 /e2 dotZl dotZr vp_vm_orth !mulr0. Qed.
Lemma e13 : dot e1 e3 = 0.
Proof. by rewrite /e1 dotZl vp_e3 mulr0. Qed.
Lemma e23 : dot e2 e3 = 0.
Proof. by rewrite /e2 dotZl vm_e3 mulr0. Qed.

Lemma form_Mfam_split : form (Mfam a) x =
  lamp a * dot e1 e1 + lamm a * dot e2 e2 + a * dot e3 e3.
Proof.
rewrite {1}x_decomp; apply: form_eig3 Mfam_e1 Mfam_e2 Mfam_e3 e12 e13 e23.
Qed.

Lemma norm_split : dot x x = dot e1 e1 + dot e2 e2 + dot e3 e3.
Proof. by rewrite {1 2}x_decomp; apply: dot_orth3 e12 e13 e23. Qed.

Lemma Mfam_lower : lamm a * dot x x <= form (Mfam a) x.
Proof.
rewrite form_Mfam_split norm_split !mulrDr -subr_ge0.
have -> : lamp a * dot e1 e1 + lamm a * dot e2 e2 + a * dot e3 e3 -
   (lamm a * dot e1 e1 + lamm a * dot e2 e2 + lamm a * dot e3 e3) =
   (lamp a - lamm a) * dot e1 e1 + (a - lamm a) * dot e3 e3 by ring.
by rewrite addr_ge0 // mulr_ge0 ?dot_ge0 ?subr_ge0 ?lamm_le_lamp ?lamm_le_a.
Qed.

Lemma Mfam_upper : form (Mfam a) x <= lamp a * dot x x.
Proof.
rewrite form_Mfam_split norm_split !mulrDr -subr_ge0.
have -> : lamp a * dot e1 e1 + lamp a * dot e2 e2 + lamp a * dot e3 e3 -
   (lamp a * dot e1 e1 + lamm a * dot e2 e2 + a * dot e3 e3) =
   (lamp a - lamm a) * dot e2 e2 + (lamp a - a) * dot e3 e3 by ring.
by rewrite addr_ge0 // mulr_ge0 ?dot_ge0 ?subr_ge0 ?lamm_le_lamp ?lamp_ge_a.
Qed.

End Decomp.

Lemma form_vp : form (Mfam a) vp = lamp a * dot vp vp.
Proof. by rewrite /form Mfam_vp dotZr. Qed.

Lemma form_vm : form (Mfam a) vm = lamm a * dot vm vm.
Proof. by rewrite /form Mfam_vm dotZr. Qed.

Lemma Mfam_spd : nonpar -> spd (Mfam a).
Proof.
move=> np; split; first exact: Mfam_sym.
move=> x x0; apply: lt_le_trans (Mfam_lower np x).
by rewrite mulr_gt0 ?lamm_gt0 ?dot_gt0.
Qed.

End Alpha.

(** relation with the paper's parametrisation a = gamma * sigma (Eq. 22) *)
Lemma disc_gamma gm : disc (gm * sigma) =
  sigma ^+ 2 * ((1 + gm) ^+ 2 - 4%:R * gm * cos2).
Proof. by rewrite /disc cos2E; field; rewrite gt_eqF ?sigma0. Qed.

Lemma sqrt_disc_gamma gm : Num.sqrt (disc (gm * sigma)) =
  sigma * Num.sqrt ((1 + gm) ^+ 2 - 4%:R * gm * cos2).
Proof.
by rewrite disc_gamma sqrtrM ?sqr_ge0 // sqrtr_sqr ger0_norm // ltW ?sigma0.
Qed.

Theorem lamp_paper gm : lamp (gm * sigma) =
  sigma / 2%:R * ((1 + gm) + Num.sqrt ((1 + gm) ^+ 2 - 4%:R * gm * cos2)).
Proof. by rewrite /lamp sqrt_disc_gamma; field. Qed.

Theorem lamm_paper gm : lamm (gm * sigma) =
  sigma / 2%:R * ((1 + gm) - Num.sqrt ((1 + gm) ^+ 2 - 4%:R * gm * cos2)).
Proof. by rewrite /lamm sqrt_disc_gamma; field. Qed.

End Family.
