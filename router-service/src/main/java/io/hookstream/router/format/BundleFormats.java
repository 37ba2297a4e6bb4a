package io.hookstream.router.format;

import io.hookstream.schemas.bundle.BundleFormat;
import org.jspecify.annotations.Nullable;

/**
 * The format of each hook's bundles and of unmatched items. A hook records its format when it is
 * created: {@code default} follows {@code configured}, a format name pins one; a hook created
 * before formats existed records none and keeps {@code legacy} (Avro, what its consumers were
 * written for), so that a running deployment's trigger topics keep their format through an upgrade.
 *
 * @param configured {@code hookstream.router.bundle-format}
 * @param legacy {@code hookstream.router.legacy-bundle-format}
 */
public record BundleFormats(BundleFormat configured, BundleFormat legacy) {

    /** What a new hook records to follow the router's configured format. */
    public static final String DEFAULT = "default";

    public static BundleFormats defaults() {
        return new BundleFormats(BundleFormat.CLOUDEVENTS_BINARY, BundleFormat.AVRO);
    }

    /**
     * The format of a hook's bundles, from what its record says; a name this router does not know
     * (written by a newer control plane) falls back to the configured format.
     */
    public BundleFormat forHook(@Nullable String recorded) {
        if (recorded == null) {
            return legacy;
        }
        if (recorded.equals(DEFAULT)) {
            return configured;
        }
        try {
            return BundleFormat.of(recorded);
        } catch (IllegalArgumentException e) {
            return configured;
        }
    }

    /** Unmatched items belong to no hook: they follow the configured format. */
    public BundleFormat unmatched() {
        return configured;
    }
}
