package dev.sptegen.gen.java;

import com.palantir.javapoet.TypeName;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.Type;

/** The Java type of a value: words are long, small ranges (paging levels) int, flags boolean. */
enum JavaType {
    LONG(TypeName.LONG),
    INT(TypeName.INT),
    BOOLEAN(TypeName.BOOLEAN);

    private final TypeName name;

    JavaType(TypeName name) {
        this.name = name;
    }

    TypeName typeName() {
        return name;
    }

    static JavaType of(Arg arg) {
        if (arg.domain() instanceof ArgDomain.Flag) {
            return BOOLEAN;
        } else if (arg.domain() instanceof ArgDomain.Range) {
            return INT;
        }
        return LONG;
    }

    static JavaType of(Type type) {
        return type == Type.BOOL ? BOOLEAN : LONG;
    }

    /** How an argument of this type is read from the {@code long[]} the conformance checks pass. */
    String fromWord(String word) {
        return switch (this) {
            case LONG -> word;
            case INT -> "(int) " + word;
            case BOOLEAN -> word + " != 0";
        };
    }
}
