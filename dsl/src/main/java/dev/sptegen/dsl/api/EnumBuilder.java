package dev.sptegen.dsl.api;

import dev.sptegen.dsl.model.EnumType;
import java.util.ArrayList;
import java.util.List;

/** Adds values to an enumeration declared with {@link SpecBuilder#enumType}. */
public final class EnumBuilder {
    private final SpecBuilder spec;
    private final String name;

    EnumBuilder(SpecBuilder spec, String name) {
        this.spec = spec;
        this.name = name;
    }

    /** A named code; codes of the width without a name are illegal values. */
    public EnumBuilder value(String valueName, long code, String doc) {
        EnumType e = spec.enumNamed(name);
        List<EnumType.Value> values = new ArrayList<>(e.values());
        values.add(new EnumType.Value(valueName, code, doc));
        spec.replaceEnum(new EnumType(e.name(), e.width(), values, e.doc()));
        return this;
    }
}
