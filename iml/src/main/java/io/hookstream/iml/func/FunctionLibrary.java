package io.hookstream.iml.func;

/** A group of functions that registers itself into a {@link FunctionRegistry.Builder}. */
public interface FunctionLibrary {

    void register(FunctionRegistry.Builder registry);
}
