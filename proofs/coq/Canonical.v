From mathcomp Require Import all_ssreflect all_algebra.
From mathcomp Require Import ring.
From NGD Require Import Base Forms.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

(** * Item 1: the canonical form (Eq. 6) of every metric M with M g = y. *)

Section Canonical.
Variables (R : rcfType) (n : nat).
Implicit Types (u v w x z g y : 'cV[R]_n) (A B M : 'M[R]_n) (a b c t : R).

(** the rank-one part y y^T / (y^T g) and the remainder M' of Eq. (7) *)
Definition rank1 y g : 'M[R]_n := (dot y g)^-1 *: (y *m y^T).
Definition remainder M y g : 'M[R]_n := M - rank1 y g.

Lemma spd_dot_pos M g y : spd M -> M *m g = y -> g != 0 -> 0 < dot y g.
Proof. by move=> [_ pM] Mg g0; have := pM g g0; rewrite /form Mg dotC. Qed.

Lemma g_neq0 g y : 0 < dot y g -> g != 0.
Proof. by apply: contraTneq => ->; rewrite dot0r ltxx. Qed.

Lemma rank1_mul y g x : rank1 y g *m x = (dot y x / dot y g) *: y.
Proof. by rewrite /rank1 -scalemxAl outer_mul scalerA mulrC. Qed.

Lemma form_rank1 y g x : form (rank1 y g) x = dot y x ^+ 2 / dot y g.
Proof. by rewrite /rank1 formZ form_outer (dotC x y) expr2 mulrC. Qed.

Lemma sym_rank1 y g : sym (rank1 y g).
Proof. exact/symZ/sym_outer. Qed.

Lemma remainder_sym M y g : sym M -> sym (remainder M y g).
Proof. by move=> sM; apply: symD => //; apply/symN/sym_rank1. Qed.

Lemma remainder_g M y g : M *m g = y -> 0 < dot y g -> remainder M y g *m g = 0.
Proof.
move=> Mg p0; rewrite /remainder mulmxBl Mg rank1_mul divff ?gt_eqF //.
by rewrite scale1r subrr.
Qed.

(** the key identity: form M' x = form M (x - (y^T x / y^T g) g) *)
Lemma form_remainder M y g x : sym M -> M *m g = y -> 0 < dot y g ->
  form (remainder M y g) x = form M (x + (- (dot y x / dot y g)) *: g).
Proof.
move=> sM Mg p0; rewrite /remainder formD formN form_rank1.
rewrite form_add // form_scale dotZl.
have -> : dot g (M *m x) = dot y x by rewrite dot_sym // Mg.
have -> : form M g = dot y g by rewrite /form Mg dotC.
by field; rewrite gt_eqF.
Qed.

Theorem remainder_psd M y g : spd M -> M *m g = y -> g != 0 ->
  forall x, 0 <= form (remainder M y g) x.
Proof.
move=> [sM pM] Mg g0 x; have p0 := spd_dot_pos (conj sM pM) Mg g0.
rewrite form_remainder //.
set u := _ + _; have [->|u0] := eqVneq u 0; first by rewrite /form mulmx0 dot0r.
exact/ltW/pM.
Qed.

(** the kernel of M' (as a form and as a matrix) is exactly span{g} *)
Theorem remainder_kernel M y g : spd M -> M *m g = y -> g != 0 -> forall x,
  [/\ form (remainder M y g) x = 0 <-> exists a, x = a *: g
    & remainder M y g *m x = 0 <-> exists a, x = a *: g].
Proof.
move=> [sM pM] Mg g0 x; have p0 := spd_dot_pos (conj sM pM) Mg g0.
have sR := remainder_sym y g sM.
have F : form (remainder M y g) x = 0 -> exists a, x = a *: g.
  rewrite form_remainder //; set u := _ + _ => fu.
  have [u0|] := eqVneq u 0; last by move/pM; rewrite fu ltxx.
  exists (dot y x / dot y g); apply/eqP; rewrite -subr_eq0.
  by move: u0; rewrite /u scaleNr => /eqP.
have K : (exists a, x = a *: g) -> remainder M y g *m x = 0.
  by move=> [a ->]; rewrite -scalemxAr remainder_g // scaler0.
split; split.
- exact: F.
- by move=> H; rewrite /form (K H) dot0r.
- by move=> Rx; apply: F; rewrite /form Rx dot0r.
- exact: K.
Qed.

Corollary remainder_pd_orth M y g : spd M -> M *m g = y -> g != 0 ->
  forall x, dot g x = 0 -> x != 0 -> 0 < form (remainder M y g) x.
Proof.
move=> sM Mg g0 x gx x0; rewrite lt_def remainder_psd // andbT.
apply/eqP => /(proj1 (proj1 (remainder_kernel sM Mg g0 x))) [a xa].
move: gx x0; rewrite xa dotZr => /eqP; rewrite mulf_eq0 dot_eq0 (negbTE g0) orbF.
by move/eqP->; rewrite scale0r eqxx.
Qed.

(** Conversely: every metric of the form (6) is SPD and maps g to y. *)
Definition canon_metric y g (k : nat) (u : 'I_k -> 'cV[R]_n) : 'M[R]_n :=
  rank1 y g + \sum_i (u i *m (u i)^T).

Definition spans_orth g (k : nat) (u : 'I_k -> 'cV[R]_n) : Prop :=
  (forall i, dot (u i) g = 0) /\
  (forall x, dot g x = 0 -> exists c : 'I_k -> R, x = \sum_i c i *: u i).

Lemma canon_metric_g y g (k : nat) (u : 'I_k -> 'cV[R]_n) : 0 < dot y g -> (forall i, dot (u i) g = 0) ->
  canon_metric y g u *m g = y.
Proof.
move=> p0 ug; rewrite /canon_metric mulmxDl rank1_mul divff ?gt_eqF // scale1r.
rewrite mulmx_suml big1 ?addr0 // => i _.
by rewrite outer_mul ug scale0r.
Qed.

Lemma form_canon y g (k : nat) (u : 'I_k -> 'cV[R]_n) x : form (canon_metric y g u) x =
  dot y x ^+ 2 / dot y g + \sum_i dot (u i) x ^+ 2.
Proof.
rewrite /canon_metric formD form_rank1 form_sum; congr (_ + _).
by apply: eq_bigr => i _; rewrite form_outer dotC expr2.
Qed.

Theorem canon_metric_spd y g (k : nat) (u : 'I_k -> 'cV[R]_n) : 0 < dot y g -> spans_orth g u ->
  spd (canon_metric y g u) /\ canon_metric y g u *m g = y.
Proof.
move=> p0 [ug span]; split; last exact: canon_metric_g.
split.
  apply: symD; first exact: sym_rank1.
  rewrite /sym linear_sum /=.
  by apply: eq_bigr => i _; apply: sym_outer.
move=> x x0; rewrite form_canon.
have S0 : 0 <= \sum_i dot (u i) x ^+ 2 by apply: sumr_ge0 => i _; apply: sqr_ge0.
have P0 : 0 <= dot y x ^+ 2 / dot y g by rewrite divr_ge0 ?sqr_ge0 ?ltW.
rewrite lt_def addr_ge0 // andbT; apply/eqP => /eqP.
rewrite paddr_eq0 // => /andP [/eqP F1 /eqP F2].
have yx : dot y x = 0.
  by move: F1 => /eqP; rewrite mulf_eq0 invr_eq0 (gt_eqF p0) orbF sqrf_eq0 => /eqP.
have ux : forall i, dot (u i) x = 0.
  move=> i; move/eqP: F2; rewrite psumr_eq0 => [/allP H|j _]; last exact: sqr_ge0.
  by have := H i (mem_index_enum _); rewrite sqrf_eq0 => /eqP.
have g0 := g_neq0 p0; have q0 := dot_gt0 g0.
set a := dot g x / dot g g; set w := x - a *: g.
have gw : dot g w = 0 by rewrite /w dotBr dotZr /a mulfVK ?gt_eqF // subrr.
have uw : forall i, dot (u i) w = 0 by move=> i; rewrite /w dotBr dotZr ux ug mulr0 subrr.
have w0 : w = 0.
  have [c wc] := span w gw; apply/eqP; rewrite -dot_eq0.
  rewrite {1}wc dot_suml big1 // => i _; rewrite dotZl uw mulr0 //.
move: yx; rewrite -(subrK (a *: g) x) -/w w0 add0r dotZr => /eqP.
rewrite mulf_eq0 (gt_eqF p0) orbF => /eqP a0; move: x0.
by rewrite -(subrK (a *: g) x) -/w w0 add0r a0 scale0r eqxx.
Qed.

(** Spanning g^perp, in the annihilator form: the u_i lie in g^perp and the only
    vector of g^perp orthogonal to all u_i is 0 (in finite dimension this is
    equivalent to span{u_i} = g^perp; it is implied by [spans_orth]). *)
Definition spans_orth_w g (k : nat) (u : 'I_k -> 'cV[R]_n) : Prop :=
  (forall i, dot (u i) g = 0) /\
  (forall x, dot g x = 0 -> (forall i, dot (u i) x = 0) -> x = 0).

Lemma spans_orth_weaken g (k : nat) (u : 'I_k -> 'cV[R]_n) :
  spans_orth g u -> spans_orth_w g u.
Proof.
move=> [ug span]; split => // x gx ux; have [c xc] := span x gx.
apply/eqP; rewrite -dot_eq0 {1}xc dot_suml big1 // => i _.
by rewrite dotZl ux mulr0.
Qed.

Theorem canon_metric_spd_w y g (k : nat) (u : 'I_k -> 'cV[R]_n) :
  0 < dot y g -> spans_orth_w g u ->
  spd (canon_metric y g u) /\ canon_metric y g u *m g = y.
Proof.
move=> p0 [ug span]; split; last exact: canon_metric_g.
split.
  apply: symD; first exact: sym_rank1.
  rewrite /sym linear_sum /=.
  by apply: eq_bigr => i _; apply: sym_outer.
move=> x x0; rewrite form_canon.
have S0 : 0 <= \sum_i dot (u i) x ^+ 2 by apply: sumr_ge0 => i _; apply: sqr_ge0.
have P0 : 0 <= dot y x ^+ 2 / dot y g by rewrite divr_ge0 ?sqr_ge0 ?ltW.
rewrite lt_def addr_ge0 // andbT; apply/eqP => /eqP.
rewrite paddr_eq0 // => /andP [/eqP F1 /eqP F2].
have yx : dot y x = 0.
  by move: F1 => /eqP; rewrite mulf_eq0 invr_eq0 (gt_eqF p0) orbF sqrf_eq0 => /eqP.
have ux : forall i, dot (u i) x = 0.
  move=> i; move/eqP: F2; rewrite psumr_eq0 => [/allP H|j _]; last exact: sqr_ge0.
  by have := H i (mem_index_enum _); rewrite sqrf_eq0 => /eqP.
have g0 := g_neq0 p0; have q0 := dot_gt0 g0.
set a := dot g x / dot g g; set w := x - a *: g.
have gw : dot g w = 0 by rewrite /w dotBr dotZr /a mulfVK ?gt_eqF // subrr.
have uw : forall i, dot (u i) w = 0 by move=> i; rewrite /w dotBr dotZr ux ug mulr0 subrr.
have w0 : w = 0 by apply: span.
move: yx; rewrite -(subrK (a *: g) x) -/w w0 add0r dotZr => /eqP.
rewrite mulf_eq0 (gt_eqF p0) orbF => /eqP a0; move: x0.
by rewrite -(subrK (a *: g) x) -/w w0 add0r a0 scale0r eqxx.
Qed.

End Canonical.
