From mathcomp Require Import all_ssreflect all_algebra.
From mathcomp Require Import ring.
From NGD Require Import Base Forms Canonical Family Prop123.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

(** * Item 6: discrete time (Eqs. 13-18). *)

Section Discrete.
Variables (R : rcfType) (n : nat).
Implicit Types (x g yb : 'cV[R]_n) (Mb H : 'M[R]_n) (m h eta a : R).

(** Eq. (14): the discrete metric is item 1's converse applied to ybar. *)
Theorem discrete_metric_spd g yb (k : nat) (u : 'I_k -> 'cV[R]_n) :
  0 < dot yb g -> spans_orth g u ->
  spd (canon_metric yb g u) /\ canon_metric yb g u *m g = yb.
Proof. exact: canon_metric_spd. Qed.

(** Eq. (17)-(18), the true statement: a lower form constant m of Mbar and a
    lower bound -h of the Hessian term give positive definiteness of
    Mbar + eta H for every 0 <= eta < m / h. *)
Theorem hessian_corrected_spd Mb H m h eta : sym Mb -> sym H ->
  (forall x, m * dot x x <= form Mb x) -> (forall x, - h * dot x x <= form H x) ->
  0 < h -> 0 <= eta -> eta < m / h -> spd (Mb + eta *: H).
Proof.
move=> sM sH lo hi h0 e0 em; split; first by apply: symD => //; apply: symZ.
move=> x x0; rewrite formD formZ.
have xx := dot_gt0 x0.
have mh : 0 < m - eta * h by rewrite subr_gt0 -ltr_pdivl_mulr.
apply: (@lt_le_trans _ _ ((m - eta * h) * dot x x)); first by rewrite mulr_gt0.
rewrite mulrBl; apply: ler_add; first exact: lo.
by apply: le_trans (ler_wpmul2l e0 (hi x)); rewrite mulNr mulrN mulrA.
Qed.

(** Since every lower constant m of a valid metric is at most rho_bar = ybar^T g / g^T g
    (Proposition 2), the condition eta < m / h always implies eta < rho_bar / h: the
    paper's bound eta < rho_bar / h is the supremum over metrics of the sufficient
    conditions, not a sufficient condition on its own (see the counterexample below). *)
Corollary hessian_bound_below_rho Mb g yb m h eta : spd Mb -> Mb *m g = yb -> g != 0 ->
  (forall x, m * dot x x <= form Mb x) -> 0 < h -> eta < m / h -> eta < rho g yb / h.
Proof.
move=> sM Mg g0 lo h0 em; apply: (lt_le_trans em).
by rewrite ler_pmul2r ?invr_gt0 //; case: (prop2 sM Mg g0 lo).
Qed.

(** Counterexample to the paper's wording "M + eta H is SPD whenever
    eta < (1/h)(|ybar|/|g|) cos psi": for every eta > 0 (in particular every
    eta < rho_bar / h) there is a valid discrete metric Mbar (SPD, Mbar g = ybar)
    such that Mbar + eta H with H = -h I (so lambda_min(H) = -h) is not positive definite. *)
Theorem hessian_counterexample g yb h eta : 0 < dot yb g -> nonpar g yb ->
  0 < h -> 0 < eta ->
  exists Mb, [/\ spd Mb, Mb *m g = yb &
    exists x, x != 0 /\ form (Mb + eta *: (- h *: 1%:M)) x < 0].
Proof.
move=> p0 np h0 e0; set a := eta * h / 2%:R.
have a0 : 0 < a by rewrite /a divr_gt0 ?mulr_gt0 ?ltr0n.
exists (Mfam g yb a); split.
- exact: (Mfam_spd p0 a0 np).
- exact: (Mfam_g p0 a).
- exists (vm g yb a); split; first exact: vm_neq0.
  rewrite formD form_vm // formZ formZ form1 mulrA -mulrDl.
  rewrite pmulr_llt0 ?dot_gt0 ?vm_neq0 // mulrN subr_lt0.
  apply: (le_lt_trans (lamm_le_a p0 a0)).
  by rewrite /a ltr_pdivr_mulr ?ltr0n // ltr_pmulr ?mulr_gt0 // ltr1n.
Qed.

(** The Hessian-type bound of the counterexample: H = -h I has form exactly -h |x|^2. *)
Lemma form_minus_hI h x : form (- h *: (1%:M : 'M[R]_n)) x = - h * dot x x.
Proof. by rewrite formZ form1. Qed.

End Discrete.
