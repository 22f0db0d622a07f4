package ngdref.oracle;

/**
 * A certified group of eigenvalues: exactly {@code multiplicity} eigenvalues (counted with
 * multiplicity) lie in {@code enclosure}, and no other eigenvalue does.
 *
 * @param enclosure the closed interval holding the eigenvalues
 * @param multiplicity how many eigenvalues it holds, at least 1
 */
public record EigenvalueCluster(Enclosure enclosure, int multiplicity) {

    /** Checks the arguments. */
    public EigenvalueCluster {
        if (enclosure == null) {
            throw new IllegalArgumentException("enclosure is null");
        }
        if (multiplicity < 1) {
            throw new IllegalArgumentException("multiplicity must be >= 1, was " + multiplicity);
        }
    }
}
