From mathcomp Require Import all_ssreflect all_algebra.
From mathcomp Require Import ring.
From NGD Require Import Base Forms Canonical.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

(** * Finite-dimensional duality: the annihilator form of "u_1..u_k span g^perp"
    implies the explicit form (every x in g^perp is a linear combination). *)

Section Span.
Variables (R : rcfType) (n : nat).

Lemma spans_w_strong (g : 'cV[R]_n) (k : nat) (u : 'I_k -> 'cV[R]_n) :
  g != 0 -> spans_orth_w g u -> spans_orth g u.
Proof.
move=> g0 [ug ann]; split => // x gx.
pose U : 'M[R]_(k, n) := \matrix_(i, j) u i j 0.
pose V : 'M[R]_(k + 1, n) := col_mx U g^T.
have Uz : forall z : 'cV[R]_n, forall i, (U *m z) i 0 = dot (u i) z.
  by move=> z i; rewrite dotE !mxE; apply: eq_bigr => j _; rewrite mxE.
have Vinj : forall z : 'cV[R]_n, V *m z = 0 -> z = 0.
  move=> z; rewrite mul_col_mx => /eqP; rewrite col_mx_eq0 => /andP [/eqP H1 /eqP H2].
  apply: ann.
  - by rewrite /dot H2 mxE.
  - by move=> i; rewrite -Uz H1 mxE.
have K0 : kermx V^T = 0.
  apply/row_matrixP => i; rewrite row0.
  have H : row i (kermx V^T) *m V^T = 0 by rewrite -row_mul mulmx_ker row0.
  apply: trmx_inj; rewrite trmx0; apply: Vinj.
  by move: (congr1 trmx H); rewrite trmx_mul trmxK trmx0.
have rk : \rank V = n.
  have := mxrank_ker V^T; rewrite K0 mxrank0 mxrank_tr => /esym /eqP.
  by rewrite subn_eq0 => le; apply/eqP; rewrite eqn_leq le rank_leq_col.
have full : row_full V by rewrite /row_full rk.
have /submxP [D xD] : (x^T <= V)%MS by apply: submx_full.
move: xD; rewrite -[D]hsubmxK mul_row_col.
set c := lsubmx D; set d := rsubmx D => xD.
have Ug : U *m g = 0.
  by apply/matrixP => i j; rewrite ord1 Uz ug mxE.
have d0 : d = 0.
  have : x^T *m g = 0 by rewrite [LHS]mx11_scalar -/(dot x g) dotC gx raddf0.
  rewrite xD mulmxDl -!mulmxA Ug mulmx0 add0r [g^T *m g]mx11_scalar -/(dot g g).
  rewrite mul_mx_scalar => /eqP; rewrite scaler_eq0 dot_eq0 (negbTE g0) /=.
  by move/eqP.
exists (fun i => c 0 i); apply/matrixP => j l; rewrite ord1.
have := congr1 (fun M : 'rV[R]_n => M 0 j) xD.
rewrite d0 mul0mx addr0 !mxE => ->; rewrite summxE; apply: eq_bigr => i _.
by rewrite !mxE.
Qed.

End Span.
