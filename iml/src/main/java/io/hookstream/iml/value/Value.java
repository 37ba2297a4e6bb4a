package io.hookstream.iml.value;

/**
 * A runtime IML value. All implementations are immutable and safe to share between threads. Create
 * them through {@link Values}; undefined (a missing value) and null are distinct.
 */
public sealed interface Value
        permits UndefinedValue,
                NullValue,
                BoolValue,
                NumberValue,
                TextValue,
                DateValue,
                BufferValue,
                ArrayValue,
                ObjectValue {

    Kind kind();
}
