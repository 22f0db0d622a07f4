(** Prints the assumptions of every main theorem of Statements.v.
    Generated output: ASSUMPTIONS.txt (compared by check.sh). *)
From NGD Require Import Statements.

Definition label_0 : unit := ltac:(idtac "canonical_form_forward:"; exact tt).
Print Assumptions canonical_form_forward.
Definition label_1 : unit := ltac:(idtac "canonical_form_factor:"; exact tt).
Print Assumptions canonical_form_factor.
Definition label_2 : unit := ltac:(idtac "spans_orth_equiv:"; exact tt).
Print Assumptions spans_orth_equiv.
Definition label_3 : unit := ltac:(idtac "canonical_form_factor_span:"; exact tt).
Print Assumptions canonical_form_factor_span.
Definition label_4 : unit := ltac:(idtac "canonical_form_converse_w:"; exact tt).
Print Assumptions canonical_form_converse_w.
Definition label_5 : unit := ltac:(idtac "canonical_form_converse:"; exact tt).
Print Assumptions canonical_form_converse.
Definition label_6 : unit := ltac:(idtac "canonical_form_iff:"; exact tt).
Print Assumptions canonical_form_iff.
Definition label_7 : unit := ltac:(idtac "family_maps_g_to_y:"; exact tt).
Print Assumptions family_maps_g_to_y.
Definition label_8 : unit := ltac:(idtac "family_eigenvalues:"; exact tt).
Print Assumptions family_eigenvalues.
Definition label_9 : unit := ltac:(idtac "family_eigenvectors:"; exact tt).
Print Assumptions family_eigenvectors.
Definition label_10 : unit := ltac:(idtac "family_alpha_eigenspace:"; exact tt).
Print Assumptions family_alpha_eigenspace.
Definition label_11 : unit := ltac:(idtac "family_form_bounds:"; exact tt).
Print Assumptions family_form_bounds.
Definition label_12 : unit := ltac:(idtac "family_form_bounds_all:"; exact tt).
Print Assumptions family_form_bounds_all.
Definition label_13 : unit := ltac:(idtac "family_parallel_eigen:"; exact tt).
Print Assumptions family_parallel_eigen.
Definition label_14 : unit := ltac:(idtac "family_paper_form:"; exact tt).
Print Assumptions family_paper_form.
Definition label_15 : unit := ltac:(idtac "family_kappa_paper:"; exact tt).
Print Assumptions family_kappa_paper.
Definition label_16 : unit := ltac:(idtac "family_kappa_min:"; exact tt).
Print Assumptions family_kappa_min.
Definition label_17 : unit := ltac:(idtac "family_kappa_at_gamma1:"; exact tt).
Print Assumptions family_kappa_at_gamma1.
Definition label_18 : unit := ltac:(idtac "proposition1:"; exact tt).
Print Assumptions proposition1.
Definition label_19 : unit := ltac:(idtac "proposition1_equality:"; exact tt).
Print Assumptions proposition1_equality.
Definition label_20 : unit := ltac:(idtac "proposition1_equality_all:"; exact tt).
Print Assumptions proposition1_equality_all.
Definition label_21 : unit := ltac:(idtac "proposition2:"; exact tt).
Print Assumptions proposition2.
Definition label_22 : unit := ltac:(idtac "proposition3:"; exact tt).
Print Assumptions proposition3.
Definition label_23 : unit := ltac:(idtac "proposition2_sup:"; exact tt).
Print Assumptions proposition2_sup.
Definition label_24 : unit := ltac:(idtac "proposition3_inf:"; exact tt).
Print Assumptions proposition3_inf.
Definition label_25 : unit := ltac:(idtac "proposition2_limit:"; exact tt).
Print Assumptions proposition2_limit.
Definition label_26 : unit := ltac:(idtac "proposition3_limit:"; exact tt).
Print Assumptions proposition3_limit.
Definition label_27 : unit := ltac:(idtac "propositions23_not_attained:"; exact tt).
Print Assumptions propositions23_not_attained.
Definition label_28 : unit := ltac:(idtac "propositions23_parallel_attained:"; exact tt).
Print Assumptions propositions23_parallel_attained.
Definition label_29 : unit := ltac:(idtac "proposition1_wielandt:"; exact tt).
Print Assumptions proposition1_wielandt.
Definition label_30 : unit := ltac:(idtac "paper_norm_forms:"; exact tt).
Print Assumptions paper_norm_forms.
Definition label_31 : unit := ltac:(idtac "discrete_metric:"; exact tt).
Print Assumptions discrete_metric.
Definition label_32 : unit := ltac:(idtac "hessian_corrected:"; exact tt).
Print Assumptions hessian_corrected.
Definition label_33 : unit := ltac:(idtac "hessian_bound_is_sup:"; exact tt).
Print Assumptions hessian_bound_is_sup.
Definition label_34 : unit := ltac:(idtac "hessian_bound_sup:"; exact tt).
Print Assumptions hessian_bound_sup.
Definition label_35 : unit := ltac:(idtac "hessian_paper_wording_counterexample:"; exact tt).
Print Assumptions hessian_paper_wording_counterexample.
