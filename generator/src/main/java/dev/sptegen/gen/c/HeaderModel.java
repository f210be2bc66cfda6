package dev.sptegen.gen.c;

import java.util.List;

/**
 * Everything {@code c/header.ftl} prints, decided in Java: names, values and pre-wrapped C lines.
 *
 * @param file the header's file name
 * @param guard the include guard macro
 * @param profileEnum the enum type naming the profiles
 * @param masksStruct the struct type of the per-profile masks
 * @param masksArray the array with one masks initializer per profile
 */
public record HeaderModel(String spec, String kernel, List<String> summary, String file, String guard,
                          String profileEnum, String profileCount, String masksStruct, List<String> masksFields,
                          String masksArray, List<ProfileBlock> profiles) {

    public HeaderModel {
        summary = List.copyOf(summary);
        masksFields = List.copyOf(masksFields);
        profiles = List.copyOf(profiles);
    }

    /** One profile's part of the header. */
    public record ProfileBlock(String name, String enumerator, List<String> doc, List<Define> constants,
                               List<Define> fieldMasks, List<CFunction> fieldAccessors, List<CFunction> functions,
                               List<String> staticAsserts, List<Define> masks) {
        public ProfileBlock {
            doc = List.copyOf(doc);
            constants = List.copyOf(constants);
            fieldMasks = List.copyOf(fieldMasks);
            fieldAccessors = List.copyOf(fieldAccessors);
            functions = List.copyOf(functions);
            staticAsserts = List.copyOf(staticAsserts);
            masks = List.copyOf(masks);
        }
    }

    /** {@code #define name value}, with an optional comment line above it. */
    public record Define(String name, String value, List<String> comment) {
        public Define {
            comment = List.copyOf(comment);
        }
    }

    /** A static inline function, as complete lines (comment, signature, braces, body). */
    public record CFunction(String name, List<String> lines) {
        public CFunction {
            lines = List.copyOf(lines);
        }
    }
}
