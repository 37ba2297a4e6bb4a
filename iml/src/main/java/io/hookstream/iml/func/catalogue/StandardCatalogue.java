package io.hookstream.iml.func.catalogue;

import io.hookstream.iml.func.FunctionRegistry;
import io.hookstream.iml.func.array.ArrayFunctions;
import io.hookstream.iml.func.date.DateFunctions;
import io.hookstream.iml.func.general.GeneralFunctions;
import io.hookstream.iml.func.json.JsonFunctions;
import io.hookstream.iml.func.math.MathFunctions;
import io.hookstream.iml.func.runtime.RuntimeFunctions;
import io.hookstream.iml.func.text.TextFunctions;

/** The standard function catalogue of §5: the one place that lists the families. */
public final class StandardCatalogue {

    private StandardCatalogue() {}

    /** Every standard function, built once. */
    public static FunctionRegistry registry() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final FunctionRegistry STANDARD =
                FunctionRegistry.builder()
                        .add(new GeneralFunctions())
                        .add(new TextFunctions())
                        .add(new MathFunctions())
                        .add(new DateFunctions())
                        .add(new ArrayFunctions())
                        .add(new JsonFunctions())
                        .add(new RuntimeFunctions())
                        .build();
    }
}
