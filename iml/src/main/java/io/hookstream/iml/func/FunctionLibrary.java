package io.hookstream.iml.func;

/** A group of functions that registers itself into a {@link FunctionRegistration}. */
public interface FunctionLibrary {

    void register(FunctionRegistration registry);
}
