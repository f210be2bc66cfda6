package dev.sptegen.dsl.api;

import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.Claim;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.Element;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.Scope;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.dsl.model.Vendor;
import dev.sptegen.dsl.model.View;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Declares elements for a set of vendors. In the default mode every name must be new; in
 * {@link #redefine()} mode every name must already exist, and the handle starts from the existing
 * definition (so a derived spec states only what changed, and keeps the element's place).
 */
public final class LayoutScope {
    private final SpecBuilder spec;
    private final Set<Vendor> vendors;
    private final boolean redefine;

    LayoutScope(SpecBuilder spec, Set<Vendor> vendors, boolean redefine) {
        this.spec = spec;
        this.vendors = Set.copyOf(vendors);
        this.redefine = redefine;
    }

    /** The same vendors, replacing existing definitions instead of declaring new ones. */
    public LayoutScope redefine() {
        return new LayoutScope(spec, vendors, true);
    }

    boolean redefining() {
        return redefine;
    }

    // ---- fields ----

    /** A field; give its bits with {@link FieldHandle#bits}. */
    public FieldHandle field(String name) {
        declare(name, new Field(name, Field.Role.HARDWARE, List.of(), Optional.empty(), Optional.empty(), ""));
        return new FieldHandle(this, name);
    }

    // ---- constants ----

    /** A set of bits, e.g. {@code SPTE_MMU_PRESENT_MASK}. */
    public ConstantHandle mask(String name) {
        return constant(name, Constant.Kind.MASK);
    }

    /** A whole SPTE value, e.g. {@code FROZEN_SPTE}. */
    public ConstantHandle value(String name) {
        return constant(name, Constant.Kind.VALUE);
    }

    /** A count or bit number, e.g. {@code MMIO_SPTE_GEN_LOW_SHIFT}. */
    public ConstantHandle number(String name) {
        return constant(name, Constant.Kind.NUMBER);
    }

    /** A boolean, e.g. {@code enable_mmio_caching}. */
    public ConstantHandle flag(String name) {
        return constant(name, Constant.Kind.FLAG);
    }

    private ConstantHandle constant(String name, Constant.Kind kind) {
        declare(name, new Constant(name, kind, new Expr.Lit(0), ""));
        return new ConstantHandle(this, name);
    }

    // ---- functions ----

    /** SPTE -> bool. */
    public FunctionHandle predicate(String name) {
        return function(name, Function.Kind.PREDICATE, Type.BOOL);
    }

    /** SPTE -> word. */
    public FunctionHandle extractor(String name) {
        return function(name, Function.Kind.EXTRACTOR, Type.U64);
    }

    /** inputs -> a new SPTE. */
    public FunctionHandle maker(String name) {
        return function(name, Function.Kind.MAKER, Type.U64);
    }

    /** SPTE -> a changed SPTE. */
    public FunctionHandle transform(String name) {
        return function(name, Function.Kind.TRANSFORM, Type.U64);
    }

    /** A hardware-semantics function. */
    public FunctionHandle hardware(String name, Type returns) {
        return function(name, Function.Kind.HARDWARE, returns);
    }

    /** A building block of other functions. */
    public FunctionHandle helper(String name, Type returns) {
        return function(name, Function.Kind.HELPER, returns);
    }

    /** An existing function of any kind, to redefine it: {@code redefine().function("spte_memtype")}. */
    public FunctionHandle function(String name) {
        if (!redefine) {
            spec.problem("function " + name, "incomplete",
                    "declare a new function with predicate(), extractor(), maker(), transform(), hardware() or helper()");
        }
        return function(name, Function.Kind.HELPER, Type.U64);
    }

    private FunctionHandle function(String name, Function.Kind kind, Type returns) {
        declare(name, new Function(name, kind, List.of(), returns, Optional.empty(), new Expr.Lit(0),
                Optional.empty(), ""));
        return new FunctionHandle(this, name);
    }

    // ---- views and invariants ----

    /** A view; give its predicate with {@link ViewHandle#when}. */
    public ViewHandle view(String name) {
        declare(name, new View(name, new Expr.BoolLit(false), List.of(), List.of(), new ArgDomain.Range(1, 4), ""));
        return new ViewHandle(this, name);
    }

    /** An invariant; give its claim with one of the handle's claim methods. */
    public InvariantHandle invariant(String name) {
        declare(name, new Invariant(name, new Scope.Constants(), new Claim.Holds(new Expr.BoolLit(true)), ""));
        return new InvariantHandle(this, name);
    }

    /** Removes elements of any kind from these vendors. */
    public LayoutScope remove(String... names) {
        for (String name : names) {
            for (Vendor v : vendors) {
                if (spec.elements(v).remove(name) == null) {
                    spec.problem("element " + name, "unknown-reference",
                            "cannot remove " + name + " from " + v.id() + ": no element has that name");
                }
                spec.pending(v, name, false);
            }
        }
        return this;
    }

    // ---- shared by the handles ----

    private void declare(String name, Element initial) {
        for (Vendor v : vendors) {
            Map<String, Element> elements = spec.elements(v);
            Element existing = elements.get(name);
            if (redefine) {
                if (existing == null) {
                    spec.problem(initial.elementKind() + " " + name, "unknown-reference",
                            "cannot redefine " + name + " on " + v.id() + ": it is not declared");
                    elements.put(name, initial);
                    spec.pending(v, name, true);
                } else if (existing.getClass() != initial.getClass()) {
                    spec.problem(initial.elementKind() + " " + name, "duplicate-name",
                            "cannot redefine " + name + " on " + v.id() + " as a " + initial.elementKind()
                            + ": it is a " + existing.elementKind());
                }
            } else {
                if (existing != null) {
                    spec.problem(initial.elementKind() + " " + name, "duplicate-name",
                            "is declared twice on " + v.id() + " (first as a " + existing.elementKind()
                            + "); use redefine() to change it");
                }
                elements.put(name, initial);
                spec.pending(v, name, true);
            }
        }
    }

    /** Applies a change to the element on every vendor of the scope. */
    @SuppressWarnings("unchecked")
    <T extends Element> void update(String name, Class<T> type, UnaryOperator<T> change) {
        for (Vendor v : vendors) {
            Map<String, Element> elements = spec.elements(v);
            Element e = elements.get(name);
            if (type.isInstance(e)) {
                elements.put(name, change.apply((T) e));
            }
        }
    }

    /** Marks the element as defined on every vendor of the scope. */
    void defined(String name) {
        for (Vendor v : vendors) {
            spec.pending(v, name, false);
        }
    }
}
