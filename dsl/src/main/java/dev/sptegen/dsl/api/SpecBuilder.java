package dev.sptegen.dsl.api;

import dev.sptegen.dsl.check.Problem;
import dev.sptegen.dsl.check.SpecException;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.Element;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.Layout;
import dev.sptegen.dsl.model.Parameter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Vendor;
import dev.sptegen.dsl.model.View;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link Spec}, either from scratch or as a delta of an earlier spec. Mistakes made while
 * building (a duplicate name, a redefinition of something that does not exist, a declaration left
 * without a value) are collected and reported together by {@link #build()}.
 *
 * <pre>{@code
 * SpecBuilder s = SpecBuilder.derive(KvmX86_5_13.SPEC, "kvm-6.10", "6.10", "non-present SPTEs carry bit 63");
 * s.all().redefine().value("SHADOW_NONPRESENT_VALUE").is(bit(63));
 * Spec spec = s.build();
 * }</pre>
 */
public final class SpecBuilder {
    private final String name;
    private final String kernel;
    private final String summary;
    private final Optional<String> parent;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, EnumType> enums = new LinkedHashMap<>();
    private final Map<Vendor, Map<String, Element>> layouts = new EnumMap<>(Vendor.class);
    private final Map<String, Profile> profiles = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    /** "vendor:name" of declarations still waiting for their defining call. */
    private final Set<String> pending = new LinkedHashSet<>();

    private SpecBuilder(String name, String kernel, String summary, Optional<String> parent) {
        this.name = name;
        this.kernel = kernel;
        this.summary = summary;
        this.parent = parent;
    }

    /** A new spec with empty layouts for the given vendors. */
    public static SpecBuilder create(String name, String kernel, String summary, Vendor... vendors) {
        SpecBuilder b = new SpecBuilder(name, kernel, summary, Optional.empty());
        for (Vendor v : vendors) {
            b.layouts.put(v, new LinkedHashMap<>());
        }
        return b;
    }

    /** A new spec that starts as a copy of {@code parent}; state only what changed. */
    public static SpecBuilder derive(Spec parent, String name, String kernel, String summary) {
        SpecBuilder b = new SpecBuilder(name, kernel, summary, Optional.of(parent.name()));
        b.parameters.putAll(parent.parameters());
        b.enums.putAll(parent.enums());
        for (Layout layout : parent.layouts().values()) {
            Map<String, Element> elements = new LinkedHashMap<>();
            for (Element e : layout.elements()) {
                elements.put(e.name(), e);
            }
            b.layouts.put(layout.vendor(), elements);
        }
        b.profiles.putAll(parent.profiles());
        return b;
    }

    public String name() {
        return name;
    }

    // ---- parameters and enumerations ----

    public SpecBuilder boolParam(String paramName, boolean defaultValue, String doc) {
        return parameter(Parameter.bool(paramName, defaultValue, doc));
    }

    public SpecBuilder intParam(String paramName, long min, long max, long defaultValue, String doc) {
        return parameter(Parameter.integer(paramName, min, max, defaultValue, doc));
    }

    private SpecBuilder parameter(Parameter p) {
        if (parameters.containsKey(p.name())) {
            problem("parameter " + p.name(), "duplicate-name", "is declared twice");
        }
        parameters.put(p.name(), p);
        return this;
    }

    /** Starts an enumeration; add its values with {@link EnumBuilder#value}. */
    public EnumBuilder enumType(String enumName, int width, String doc) {
        if (enums.containsKey(enumName)) {
            problem("enum " + enumName, "duplicate-name", "is declared twice");
        }
        enums.put(enumName, new EnumType(enumName, width, List.of(), doc));
        return new EnumBuilder(this, enumName);
    }

    void replaceEnum(EnumType e) {
        enums.put(e.name(), e);
    }

    EnumType enumNamed(String enumName) {
        return enums.get(enumName);
    }

    // ---- layouts ----

    /** Declarations made through this scope apply to every vendor of the spec. */
    public LayoutScope all() {
        return new LayoutScope(this, EnumSet.copyOf(layouts.keySet()), false);
    }

    /** Declarations made through this scope apply to the given vendors only. */
    public LayoutScope on(Vendor first, Vendor... rest) {
        EnumSet<Vendor> set = EnumSet.of(first, rest);
        for (Vendor v : set) {
            if (!layouts.containsKey(v)) {
                problem("vendor " + v.id(), "unknown-vendor", "spec " + name + " has no " + v.id() + " layout");
            }
        }
        set.retainAll(layouts.keySet());
        return new LayoutScope(this, set, false);
    }

    /** Adds a vendor whose layout starts as a copy of another vendor's. */
    public SpecBuilder addVendor(Vendor vendor, Vendor copyOf) {
        if (layouts.containsKey(vendor)) {
            problem("vendor " + vendor.id(), "duplicate-name", "already has a layout");
        } else if (!layouts.containsKey(copyOf)) {
            problem("vendor " + copyOf.id(), "unknown-vendor", "spec " + name + " has no " + copyOf.id() + " layout");
        } else {
            layouts.put(vendor, new LinkedHashMap<>(layouts.get(copyOf)));
        }
        return this;
    }

    /** Renames an element in every layout, and every reference to it. */
    public SpecBuilder rename(String oldName, String newName) {
        boolean found = false;
        for (Map.Entry<Vendor, Map<String, Element>> entry : layouts.entrySet()) {
            Map<String, Element> renamed = new LinkedHashMap<>();
            for (Element e : entry.getValue().values()) {
                Element r = Renamer.rename(e, oldName, newName);
                found |= e.name().equals(oldName);
                if (renamed.put(r.name(), r) != null) {
                    problem(e.elementKind() + " " + newName, "duplicate-name",
                            "renaming " + oldName + " to " + newName + " clashes with an existing " + e.elementKind());
                }
            }
            entry.setValue(renamed);
        }
        if (!found) {
            problem("element " + oldName, "unknown-reference", "cannot rename " + oldName + ": no element has that name");
        }
        return this;
    }

    // ---- profiles ----

    /** Declares a profile; bind its parameters with {@link ProfileBuilder#set}. */
    public ProfileBuilder profile(String profileName, Vendor vendor, String doc) {
        if (profiles.containsKey(profileName)) {
            problem("profile " + profileName, "duplicate-name", "is declared twice");
        }
        profiles.put(profileName, new Profile(profileName, vendor, Map.of(), doc));
        return new ProfileBuilder(this, profileName);
    }

    void replaceProfile(Profile p) {
        profiles.put(p.name(), p);
    }

    Profile profileNamed(String profileName) {
        return profiles.get(profileName);
    }

    // ---- used by LayoutScope ----

    Map<String, Element> elements(Vendor vendor) {
        return layouts.get(vendor);
    }

    void pending(Vendor vendor, String elementName, boolean waiting) {
        String key = vendor.id() + ":" + elementName;
        if (waiting) {
            pending.add(key);
        } else {
            pending.remove(key);
        }
    }

    void problem(String element, String rule, String message) {
        problems.add(new Problem(name, Optional.empty(), element, rule, message));
    }

    /**
     * The spec, without semantic validation (see {@code Validator}).
     *
     * @throws SpecException if building went wrong
     */
    public Spec build() {
        List<Problem> all = new ArrayList<>(problems);
        for (String key : pending) {
            all.add(new Problem(name, Optional.empty(), "element " + key.substring(key.indexOf(':') + 1),
                    "incomplete", "was declared on " + key.substring(0, key.indexOf(':'))
                    + " but never given its definition (.is/.when/.holds/.bits)"));
        }
        if (!all.isEmpty()) {
            throw new SpecException(all);
        }
        Map<Vendor, Layout> built = new EnumMap<>(Vendor.class);
        for (Map.Entry<Vendor, Map<String, Element>> entry : layouts.entrySet()) {
            built.put(entry.getKey(), toLayout(entry.getKey(), entry.getValue()));
        }
        return new Spec(name, kernel, summary, parent, parameters, enums, built, profiles);
    }

    private static Layout toLayout(Vendor vendor, Map<String, Element> elements) {
        Map<String, Field> fields = new LinkedHashMap<>();
        Map<String, Constant> constants = new LinkedHashMap<>();
        Map<String, Function> functions = new LinkedHashMap<>();
        Map<String, View> views = new LinkedHashMap<>();
        Map<String, Invariant> invariants = new LinkedHashMap<>();
        for (Element e : elements.values()) {
            if (e instanceof Field f) {
                fields.put(f.name(), f);
            } else if (e instanceof Constant c) {
                constants.put(c.name(), c);
            } else if (e instanceof Function f) {
                functions.put(f.name(), f);
            } else if (e instanceof View v) {
                views.put(v.name(), v);
            } else if (e instanceof Invariant i) {
                invariants.put(i.name(), i);
            }
        }
        return new Layout(vendor, fields, constants, functions, views, invariants);
    }
}
