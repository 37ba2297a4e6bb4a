package io.hookstream.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Tells Avro that Hookstream's generated records may be instantiated when reading.
 *
 * <p>Since 1.11.4 Avro refuses to load any class not explicitly trusted, and the only switch it
 * offers is process-wide ({@link ClassSecurityValidator#setGlobal}) or a system property. Rather
 * than asking every launcher, test and tool to set that property, the serde extends the global
 * predicate once, and only with the package of the records generated from this module's schemas:
 * anything else still goes through Avro's own rules.
 */
final class TrustedRecords {

    private static final String GENERATED_PACKAGE = "io.hookstream.schemas.avro";

    private TrustedRecords() {}

    /** Idempotent: the global predicate is extended at most once per class loader. */
    static void ensureTrusted() {
        // reading the field runs the holder's class initialiser, which the JVM runs once
        if (!Once.INSTALLED) {
            throw new IllegalStateException("Avro's class predicate was not extended");
        }
    }

    private static boolean isGenerated(Class<?> type) {
        return GENERATED_PACKAGE.equals(type.getPackageName());
    }

    private static final class Once {
        static final boolean INSTALLED = install();

        private static boolean install() {
            ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
            ClassSecurityValidator.setGlobal(
                    ClassSecurityValidator.composite(previous, TrustedRecords::isGenerated));
            return true;
        }
    }
}
