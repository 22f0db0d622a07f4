package java.lang;

/* Annotation type missing from KeY's JavaRedux (the sources use it). */
public @interface Override {
}
