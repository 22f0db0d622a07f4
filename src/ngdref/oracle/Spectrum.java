package ngdref.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The certified spectrum of a real symmetric matrix: disjoint {@link EigenvalueCluster}s in
 * increasing order whose multiplicities add up to the dimension.
 *
 * <p>Each cluster's enclosure holds exactly its multiplicity of eigenvalues; neighbouring
 * enclosures may share an end only when that end is not an eigenvalue. A cluster of
 * multiplicity k > 1 may hold one eigenvalue of multiplicity k or k eigenvalues too close to be
 * separated at the precision used; either way every one of them lies in the enclosure.
 */
public final class Spectrum {

    /** How the spectrum was certified. */
    public enum Method {
        /** Congruence with refined eigenvectors and Gershgorin discs (any dimension). */
        CONGRUENCE,
        /** Bisection with exact inertia counts (small dimensions). */
        EXACT_BISECTION
    }

    private final List<EigenvalueCluster> clusters;
    private final int dimension;
    private final Method method;

    Spectrum(List<EigenvalueCluster> clusters, Method method) {
        int d = 0;
        for (int c = 0; c < clusters.size(); c++) {
            d += clusters.get(c).multiplicity();
            if (c > 0 && clusters.get(c - 1).enclosure().hi().compareTo(clusters.get(c).enclosure().lo()) > 0) {
                throw new IllegalStateException("clusters overlap or are out of order: " + clusters);
            }
        }
        this.clusters = List.copyOf(clusters);
        this.dimension = d;
        this.method = method;
    }

    /** The clusters, in increasing order. */
    public List<EigenvalueCluster> clusters() {
        return clusters;
    }

    /** The matrix dimension (sum of the multiplicities). */
    public int dimension() {
        return dimension;
    }

    /** How the spectrum was certified. */
    public Method method() {
        return method;
    }

    /** The cluster holding the smallest eigenvalue. */
    public EigenvalueCluster smallest() {
        return clusters.get(0);
    }

    /** The cluster holding the largest eigenvalue. */
    public EigenvalueCluster largest() {
        return clusters.get(clusters.size() - 1);
    }

    /** An enclosure of the smallest eigenvalue. */
    public Enclosure min() {
        return smallest().enclosure();
    }

    /** An enclosure of the largest eigenvalue. */
    public Enclosure max() {
        return largest().enclosure();
    }

    /** Whether every cluster's enclosure decides its correctly rounded double. */
    public boolean isDecided() {
        for (EigenvalueCluster c : clusters) {
            if (c.enclosure().correctlyRounded().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the matrix is certainly positive definite ({@code λ_min > 0}). */
    public boolean isPositiveDefinite() {
        return min().isPositive();
    }

    /**
     * The condition number {@code κ = λ_max/λ_min}.
     *
     * @throws IllegalStateException if the matrix is not certified positive definite
     */
    public Enclosure conditionNumber() {
        if (!isPositiveDefinite()) {
            throw new IllegalStateException("not certified positive definite: λ_min in " + min());
        }
        return max().divide(min());
    }

    /**
     * The correctly rounded eigenvalues in increasing order, each repeated by multiplicity;
     * an entry is empty where its cluster is too wide to decide.
     */
    public List<OptionalDouble> correctlyRounded() {
        final List<OptionalDouble> out = new ArrayList<>(dimension);
        for (EigenvalueCluster c : clusters) {
            final OptionalDouble r = c.enclosure().correctlyRounded();
            for (int k = 0; k < c.multiplicity(); k++) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The total multiplicity of the clusters whose enclosure meets {@code e}: an upper bound on
     * the number of eigenvalues in {@code e}, exact when no such cluster sticks out of {@code e}.
     */
    public int countMeeting(Enclosure e) {
        int k = 0;
        for (EigenvalueCluster c : clusters) {
            if (c.enclosure().intersects(e)) {
                k += c.multiplicity();
            }
        }
        return k;
    }

    @Override
    public String toString() {
        final StringBuilder sb = new StringBuilder(method.name()).append('{');
        for (EigenvalueCluster c : clusters) {
            sb.append(c.enclosure()).append("×").append(c.multiplicity()).append(' ');
        }
        return sb.append('}').toString();
    }
}
