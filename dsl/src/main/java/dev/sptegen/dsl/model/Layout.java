package dev.sptegen.dsl.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a spec declares for one vendor: fields, constants, functions, views and invariants,
 * each in declaration order. Names are unique across the five kinds.
 */
public record Layout(Vendor vendor, Map<String, Field> fields, Map<String, Constant> constants,
                     Map<String, Function> functions, Map<String, View> views,
                     Map<String, Invariant> invariants) {

    public Layout {
        Objects.requireNonNull(vendor, "vendor");
        fields = Ordered.copy(fields);
        constants = Ordered.copy(constants);
        functions = Ordered.copy(functions);
        views = Ordered.copy(views);
        invariants = Ordered.copy(invariants);
    }

    /** The element of any kind with this name. */
    public Optional<Element> element(String name) {
        Element e = fields.get(name);
        if (e == null) {
            e = constants.get(name);
        }
        if (e == null) {
            e = functions.get(name);
        }
        if (e == null) {
            e = views.get(name);
        }
        if (e == null) {
            e = invariants.get(name);
        }
        return Optional.ofNullable(e);
    }

    /** All elements: fields, constants, functions, views, invariants, each group in declaration order. */
    public List<Element> elements() {
        List<Element> all = new ArrayList<>();
        all.addAll(fields.values());
        all.addAll(constants.values());
        all.addAll(functions.values());
        all.addAll(views.values());
        all.addAll(invariants.values());
        return all;
    }

    public Field field(String name) {
        return require(fields, name, "field");
    }

    public Constant constant(String name) {
        return require(constants, name, "constant");
    }

    public Function function(String name) {
        return require(functions, name, "function");
    }

    public View view(String name) {
        return require(views, name, "view");
    }

    private <T> T require(Map<String, T> map, String name, String kind) {
        T t = map.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no " + kind + " '" + name + "' in the " + vendor.id() + " layout");
        }
        return t;
    }
}
