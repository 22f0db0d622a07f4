package org.apache.commons.numbers.core;

/*
 * Contract for Commons Numbers 1.3 Norm.EUCLIDEAN.of(double[]): trusted, not proved.
 * A norm is never negative (it is NaN if an entry is NaN, +infinity on overflow).
 * Known limit: KeY cannot show EUCLIDEAN.\inv (nor EUCLIDEAN != null when of() is a helper),
 * so a call Norm.EUCLIDEAN.of(v) leaves its caller's contract open.
 */
public enum Norm {
    L1, MANHATTAN, L2, EUCLIDEAN, LINF, MAXIMUM;

    /*@ public normal_behavior
      @   requires v != null;
      @   ensures !(\result < 0.0);
      @   assignable \nothing;
      @*/
    public double of(double[] v);
}
