package dev.sptegen.dsl.model;

/**
 * A named declaration of a layout. Fields, constants, functions, views and invariants share one
 * namespace per layout, so a name is enough to find, rename or remove any of them.
 */
public sealed interface Element permits Field, Constant, Function, View, Invariant {
    String name();

    String doc();

    /** What kind of element this is, as said in messages: "field", "constant", ... */
    String elementKind();
}
