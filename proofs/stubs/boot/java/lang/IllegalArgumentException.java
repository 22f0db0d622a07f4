package java.lang;

/* Constructors of the real JDK class missing from KeY's JavaRedux (merged into its class). */
public class IllegalArgumentException extends java.lang.RuntimeException {
   public IllegalArgumentException(java.lang.String arg0, java.lang.Throwable arg1) { super(arg0, arg1); }
   public IllegalArgumentException(java.lang.Throwable arg0) { super(arg0); }
}
