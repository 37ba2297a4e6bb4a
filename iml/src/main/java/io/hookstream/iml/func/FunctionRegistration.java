package io.hookstream.iml.func;

/**
 * Where a {@link FunctionLibrary} puts its functions. The families see only this, not the registry
 * they end up in, so the catalogue that lists them is the one place that knows them all.
 */
public interface FunctionRegistration {

    /**
     * Adds one function.
     *
     * @throws IllegalArgumentException when a function of that name is there already
     */
    FunctionRegistration add(FunctionSpec spec);
}
