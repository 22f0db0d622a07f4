From mathcomp Require Import all_ssreflect all_algebra.
From mathcomp Require Import ring.
From NGD Require Import Base Forms Canonical.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

(** * Item 1, factorisation: M' = sum_{i < n-1} u_i u_i^T with u_i spanning g^perp.
    A Cholesky-type "peeling" argument (no spectral theorem): for a PSD symmetric
    A and a vector e, A - (Ae)(Ae)^T / (e^T A e) is again PSD symmetric, kills e,
    and keeps killing what A killed.  Peeling n-1 standard basis vectors off M'
    (which already kills g) leaves a matrix killing a basis, i.e. 0. *)

Section Factor.
Variables (R : rcfType) (n : nat).
Implicit Types (x e f w g y : 'cV[R]_n) (A B M : 'M[R]_n).

Definition psdf A := forall x, 0 <= form A x.

Definition sumouter (ws : seq 'cV[R]_n) : 'M[R]_n := \sum_(w <- ws) w *m w^T.

Lemma outer_scale c w : (c *: w) *m (c *: w)^T = c ^+ 2 *: (w *m w^T).
Proof. by rewrite linearZ /= -scalemxAl -scalemxAr scalerA expr2. Qed.

Lemma form_sumouter ws x : form (sumouter ws) x = \sum_(w <- ws) dot w x ^+ 2.
Proof.
elim: ws => [|w ws IH]; first by rewrite /sumouter !big_nil /form mul0mx dot0r.
by rewrite /sumouter !big_cons formD -/(sumouter ws) IH form_outer dotC expr2.
Qed.

Lemma peel A e : sym A -> psdf A -> exists w,
  [/\ sym (A - w *m w^T), psdf (A - w *m w^T), (A - w *m w^T) *m e = 0 &
      forall f, A *m f = 0 -> (A - w *m w^T) *m f = 0].
Proof.
move=> sA pA; have a0 := pA e.
have [ae|apos] := eqVneq (form A e) 0.
  have Ae := psd_form0 sA pA ae.
  by exists 0; rewrite mul0mx subr0; split.
have ap : 0 < form A e by rewrite lt_def apos a0.
have dpos : 0 < dot (A *m e) e by rewrite dotC.
exists ((Num.sqrt (form A e))^-1 *: (A *m e)).
have -> : ((Num.sqrt (form A e))^-1 *: (A *m e)) *m
          ((Num.sqrt (form A e))^-1 *: (A *m e))^T = rank1 (A *m e) e.
  by rewrite outer_scale /rank1 exprVn sqr_sqrtr ?ltW // dotC.
split.
- exact: remainder_sym.
- by move=> x; rewrite form_remainder //; apply: pA.
- exact: remainder_g.
- move=> f Af; rewrite /remainder mulmxBl Af rank1_mul.
  have -> : dot (A *m e) f = 0 by rewrite -dot_sym // Af dot0r.
  by rewrite mul0r scale0r subr0.
Qed.

Lemma peel_all A (es : seq 'cV[R]_n) : sym A -> psdf A -> exists ws : seq 'cV[R]_n,
  [/\ size ws = size es, sym (A - sumouter ws), psdf (A - sumouter ws),
      (forall e, e \in es -> (A - sumouter ws) *m e = 0) &
      forall f, A *m f = 0 -> (A - sumouter ws) *m f = 0].
Proof.
move=> sA pA; elim: es => [|e es [ws [sz sB pB kB kA]]].
  by exists [::]; rewrite /sumouter big_nil subr0; split.
have [w [sB' pB' kBe kBf]] := peel e sB pB.
exists (w :: ws).
have -> : A - sumouter (w :: ws) = (A - sumouter ws) - w *m w^T.
  by rewrite /sumouter big_cons opprD addrA addrAC.
split => //=.
- by rewrite sz.
- by move=> e'; rewrite inE => /orP [/eqP->|/kB]; [exact: kBe | exact: kBf].
- by move=> f /kA; apply: kBf.
Qed.

Lemma kill_basis B : (forall j, B *m delta_mx j (0 : 'I_1) = 0) -> B = 0.
Proof.
move=> H; apply/matrixP => i j; have := congr1 (fun v : 'cV[R]_n => v i 0) (H j).
by rewrite /= -colE !mxE => ->.
Qed.

Lemma vec_delta x : x = \sum_j x j 0 *: delta_mx j (0 : 'I_1).
Proof.
by rewrite {1}(matrix_sum_delta x); apply: eq_bigr => i _; rewrite big_ord1.
Qed.

Lemma nonzero_coord g : g != 0 -> exists j, g j 0 != 0.
Proof.
move=> g0; apply/existsP; apply: contraNT g0 => /existsPn H.
apply/eqP/matrixP => i j; rewrite ord1 mxE; apply/eqP.
by have := H i; rewrite negbK.
Qed.

(** M' = M - y y^T/(y^T g) is a sum of exactly n-1 rank-one terms u u^T, the u's lie in
    g^perp and span it (annihilator form). *)
Theorem remainder_factor M y g : spd M -> M *m g = y -> g != 0 ->
  exists us : seq 'cV[R]_n,
  [/\ size us = n.-1, remainder M y g = sumouter us,
      (forall u, u \in us -> dot u g = 0) &
      (forall x, dot g x = 0 -> (forall u, u \in us -> dot u x = 0) -> x = 0)].
Proof.
move=> sM Mg g0; have p0 := spd_dot_pos sM Mg g0.
set A := remainder M y g.
have sA : sym A := remainder_sym y g sM.1.
have pA : psdf A := remainder_psd sM Mg g0.
have Ag : A *m g = 0 := remainder_g Mg p0.
have [j0 gj0] := nonzero_coord g0.
set es := [seq delta_mx j (0 : 'I_1) | j <- rem j0 (enum 'I_n)] : seq 'cV[R]_n.
have [ws [sz sB pB kB kA]] := peel_all es sA pA.
have kj : forall j, j != j0 -> (A - sumouter ws) *m delta_mx j (0 : 'I_1) = 0.
  move=> j jj; apply: kB; apply: map_f.
  by rewrite mem_rem_uniq ?enum_uniq // inE jj /= mem_enum.
have B0 : A - sumouter ws = 0.
  apply: kill_basis => j; have [->|] := eqVneq j j0; last exact: kj.
  have := kA g Ag; rewrite {1}(vec_delta g) mulmx_sumr (bigD1 j0) //= big1 ?addr0.
  - by rewrite -scalemxAr => /eqP; rewrite scaler_eq0 (negbTE gj0) => /eqP.
  - by move=> j' jj; rewrite -scalemxAr kj // scaler0.
have AS : A = sumouter ws by apply/eqP; rewrite -subr_eq0 B0.
have F0 : forall x, form A x = 0 -> forall u, u \in ws -> dot u x = 0.
  move=> x; rewrite AS form_sumouter => /eqP; rewrite psumr_eq0 => [/allP H u uw|u _].
    by have := H u uw; rewrite /= sqrf_eq0 => /eqP.
  exact: sqr_ge0.
exists ws; split => //.
- by rewrite sz size_map size_rem ?mem_enum // size_enum_ord.
- by apply: F0; rewrite /form Ag dot0r.
- move=> x gx ux.
  have fx : form A x = 0 by rewrite AS form_sumouter big_seq big1 // => u /ux ->; rewrite expr0n.
  have [a xa] := (proj1 (proj1 (remainder_kernel sM Mg g0 x))) fx.
  have := gx; rewrite xa dotZr => /eqP; rewrite mulf_eq0 dot_eq0 (negbTE g0) orbF.
  by move/eqP => ->; rewrite scale0r.
Qed.

(** the same in the indexed form of Eq. (6): M = y y^T/(y^T g) + sum_{i < n-1} u_i u_i^T *)
Theorem canonical_factor M y g : spd M -> M *m g = y -> g != 0 ->
  exists (k : nat) (u : 'I_k -> 'cV[R]_n),
  [/\ k = n.-1, M = canon_metric y g u & spans_orth_w g u].
Proof.
move=> sM Mg g0; have [us [sz RS ug span]] := remainder_factor sM Mg g0.
exists (size us), (tnth (in_tuple us)); split => //.
- rewrite /canon_metric -(big_tnth _ _ _ xpredT (fun u => u *m u^T)) -/(sumouter us).
  by rewrite -RS /remainder addrC subrK.
- split => [i|x gx ux]; first by apply: ug; apply: mem_tnth.
  apply: (span x gx) => u uin.
  have /tnthP [i ->] : u \in in_tuple us by [].
  exact: ux.
Qed.

End Factor.
