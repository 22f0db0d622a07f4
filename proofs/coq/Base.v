From mathcomp Require Import all_ssreflect all_algebra.
From mathcomp Require Import ring.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

(** * Basic vocabulary: dot products and quadratic forms on column vectors. *)

Section Base.
Variables (R : rcfType) (n : nat).
Implicit Types (u v w x : 'cV[R]_n) (A B : 'M[R]_n) (a b c : R).

Definition dot u v : R := (u^T *m v) 0 0.
Definition form A x : R := dot x (A *m x).
Definition sym A : Prop := A^T = A.
(** symmetric positive definite / semidefinite, in the sense of forms *)
Definition spd A : Prop := sym A /\ forall x, x != 0 -> 0 < form A x.
Definition psd A : Prop := sym A /\ forall x, 0 <= form A x.

Lemma dotC u v : dot u v = dot v u.
Proof. by rewrite /dot -(trmxK (u^T *m v)) trmx_mul !trmxK mxE. Qed.

Lemma dotDr u v w : dot u (v + w) = dot u v + dot u w.
Proof. by rewrite /dot mulmxDr mxE. Qed.

Lemma dotDl u v w : dot (v + w) u = dot v u + dot w u.
Proof. by rewrite dotC dotDr !(dotC u). Qed.

Lemma dotZr a u v : dot u (a *: v) = a * dot u v.
Proof. by rewrite /dot -scalemxAr mxE. Qed.

Lemma dotZl a u v : dot (a *: u) v = a * dot u v.
Proof. by rewrite dotC dotZr dotC. Qed.

Lemma dotNr u v : dot u (- v) = - dot u v.
Proof. by rewrite -scaleN1r dotZr mulN1r. Qed.

Lemma dotNl u v : dot (- u) v = - dot u v.
Proof. by rewrite dotC dotNr dotC. Qed.

Lemma dotBr u v w : dot u (v - w) = dot u v - dot u w.
Proof. by rewrite dotDr dotNr. Qed.

Lemma dotBl u v w : dot (v - w) u = dot v u - dot w u.
Proof. by rewrite dotDl dotNl. Qed.

Lemma dot0r u : dot u 0 = 0.
Proof. by rewrite /dot mulmx0 mxE. Qed.

Lemma dot0l u : dot 0 u = 0.
Proof. by rewrite dotC dot0r. Qed.

Lemma dot_mulmx u A v : dot u (A *m v) = dot (A^T *m u) v.
Proof. by rewrite /dot trmx_mul trmxK mulmxA. Qed.

Lemma dot_sym u A v : sym A -> dot u (A *m v) = dot (A *m u) v.
Proof. by move=> sA; rewrite dot_mulmx sA. Qed.

Lemma outer_mul u v x : (u *m v^T) *m x = dot v x *: u.
Proof. by rewrite -mulmxA [v^T *m x]mx11_scalar mul_mx_scalar. Qed.

Lemma dot1r u v : dot u (1%:M *m v) = dot u v.
Proof. by rewrite mul1mx. Qed.

Lemma dotE u v : dot u v = \sum_i u i 0 * v i 0.
Proof. by rewrite /dot mxE; apply: eq_bigr => i _; rewrite mxE. Qed.

Lemma dot_ge0 u : 0 <= dot u u.
Proof. by rewrite dotE; apply: sumr_ge0 => i _; rewrite -expr2 sqr_ge0. Qed.

Lemma dot_eq0 u : (dot u u == 0) = (u == 0).
Proof.
apply/idP/idP; last by move/eqP->; rewrite dot0r.
rewrite dotE psumr_eq0 => [/allP H|i _]; last by rewrite -expr2 sqr_ge0.
apply/eqP/matrixP => i j; rewrite ord1 mxE.
by have := H i (mem_index_enum _); rewrite -expr2 sqrf_eq0 => /eqP.
Qed.

Lemma dot_gt0 u : u != 0 -> 0 < dot u u.
Proof. by move=> u0; rewrite lt_def dot_eq0 u0 dot_ge0. Qed.

(** form of a sum / scaling of matrices *)
Lemma formD A B x : form (A + B) x = form A x + form B x.
Proof. by rewrite /form mulmxDl dotDr. Qed.

Lemma formZ a A x : form (a *: A) x = a * form A x.
Proof. by rewrite /form -scalemxAl dotZr. Qed.

Lemma formN A x : form (- A) x = - form A x.
Proof. by rewrite -scaleN1r formZ mulN1r. Qed.

Lemma form1 x : form 1%:M x = dot x x.
Proof. by rewrite /form mul1mx. Qed.

Lemma form_outer u v x : form (u *m v^T) x = dot x u * dot v x.
Proof. by rewrite /form outer_mul dotZr mulrC. Qed.

Lemma sym_outer u : sym (u *m u^T).
Proof. by rewrite /sym trmx_mul trmxK. Qed.

Lemma symD A B : sym A -> sym B -> sym (A + B).
Proof. by rewrite /sym => sA sB; rewrite linearD /= sA sB. Qed.

Lemma symZ a A : sym A -> sym (a *: A).
Proof. by rewrite /sym => sA; rewrite linearZ /= sA. Qed.

Lemma symN A : sym A -> sym (- A).
Proof. by move=> sA; rewrite -scaleN1r; apply: symZ. Qed.

Lemma sym1 : sym (1%:M : 'M[R]_n).
Proof. by rewrite /sym trmx1. Qed.

(** expanding the form of a symmetric matrix at a sum *)
Lemma form_add A x z : sym A ->
  form A (x + z) = form A x + 2%:R * dot z (A *m x) + form A z.
Proof.
move=> sA; rewrite /form mulmxDr !dotDl !dotDr.
have -> : dot x (A *m z) = dot z (A *m x) by rewrite dot_sym // dotC.
by rewrite mulr2n mulrDl mul1r; ring.
Qed.

Lemma form_scale A a x : form A (a *: x) = a ^+ 2 * form A x.
Proof. by rewrite /form -scalemxAr dotZr dotZl expr2 mulrA. Qed.

End Base.
