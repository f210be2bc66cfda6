package dev.sptegen.gen.c;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.eval.Specializer;
import dev.sptegen.dsl.model.Claim;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprTransformer;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.PagingFormat;
import dev.sptegen.dsl.model.Parameter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.gen.c.HeaderModel.Define;
import dev.sptegen.gen.c.HeaderModel.ProfileBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the model of a spec's C header: every decision about names and values is made here. */
public final class HeaderBuilder {
    /** The members of the 7.0+ selftests' struct pte_masks, in its order. */
    public static final List<String> PTE_MASKS = List.of("present", "writable", "user", "readable", "executable",
            "accessed", "dirty", "huge", "nx", "c", "s", "always_set");

    private HeaderBuilder() {
    }

    public static HeaderModel build(CheckedSpec checked) {
        Spec spec = checked.spec();
        String id = CNames.spec(spec);
        String up = id.toUpperCase(Locale.ROOT);
        List<ProfileBlock> blocks = new ArrayList<>();
        for (Profile p : spec.profiles().values()) {
            blocks.add(profile(checked, p, up));
        }
        return new HeaderModel(spec.name(), spec.kernel(), CComments.wrap(spec.summary(), 72), CNames.header(spec),
                "SPTEGEN_" + up + "_H", "sptegen_" + id + "_profile", "SPTEGEN_" + up + "_NR_PROFILES",
                "sptegen_" + id + "_pte_masks", PTE_MASKS, "sptegen_" + id + "_masks", blocks);
    }

    /** The enumerator of a profile: {@code SPTEGEN_KVM_6_11_EPT_NOAD}. */
    public static String enumerator(Spec spec, Profile p) {
        return "SPTEGEN_" + CNames.spec(spec).toUpperCase(Locale.ROOT) + "_" + CNames.profileMacro(p);
    }

    private static ProfileBlock profile(CheckedSpec checked, Profile p, String specMacro) {
        Spec spec = checked.spec();
        Interpreter in = checked.interpreter(p);
        CFunctions functions = new CFunctions(in);
        List<Define> constants = new ArrayList<>();
        for (Constant c : in.layout().constants().values()) {
            constants.add(define(CNames.constant(p, c.name()), value(c, in.constant(c.name()))));
        }
        List<Define> fieldMasks = new ArrayList<>();
        for (String f : in.layout().fields().keySet()) {
            fieldMasks.add(define(CNames.fieldMask(p, f), CExprPrinter.mask(in.field(f).mask())));
        }
        List<String> asserts = new ArrayList<>();
        for (Invariant inv : in.layout().invariants().values()) {
            if (inv.isStatic()) {
                asserts.add(staticAssert(functions.printer(), in, inv));
            }
        }
        String doc = p.doc() + (p.bindings().isEmpty() ? "" : " (" + bindings(spec, p) + ")");
        return new ProfileBlock(p.name(), enumerator(spec, p), CComments.comment("", "Profile " + p.name() + ": " + doc),
                constants, fieldMasks, functions.fieldAccessors(), functions.helpers(), asserts, masks(in));
    }

    private static String bindings(Spec spec, Profile p) {
        List<String> out = new ArrayList<>();
        p.bindings().forEach((k, v) -> out.add(k + "=" + spec.parameters().get(k).format(v)));
        return String.join(", ", out);
    }

    /** A macro; a value that would pass 100 columns continues on the next line. */
    static Define define(String name, String value) {
        boolean fits = "#define ".length() + name.length() + 1 + value.length() <= CExprPrinter.WIDTH;
        return new Define(name, fits ? value : "\\\n\t" + value, List.of());
    }

    static String value(Constant c, long v) {
        return switch (c.kind()) {
            case MASK, VALUE -> CExprPrinter.mask(v);
            case NUMBER -> Long.toUnsignedString(v) + "ULL";
            case FLAG -> v != 0 ? "true" : "false";
        };
    }

    /** The struct pte_masks members of a profile, as the paging format names them. */
    private static List<Define> masks(Interpreter in) {
        boolean ept = in.layout().vendor().format() == PagingFormat.EPT;
        // A spec without one of KVM's names has nothing for that member: it is 0.
        java.util.function.ToLongFunction<String> k = name -> in.layout().constants().containsKey(name) ? in.constant(name) : 0;
        List<Define> out = new ArrayList<>();
        for (String m : PTE_MASKS) {
            long v = switch (m) {
                case "present" -> ept ? 0 : k.applyAsLong("PT_PRESENT_MASK");
                case "writable" -> k.applyAsLong(ept ? "VMX_EPT_WRITABLE_MASK" : "PT_WRITABLE_MASK");
                case "user" -> ept ? 0 : k.applyAsLong("PT_USER_MASK");
                case "readable" -> ept ? k.applyAsLong("VMX_EPT_READABLE_MASK") : 0;
                case "executable" -> ept ? k.applyAsLong("VMX_EPT_EXECUTABLE_MASK") : 0;
                case "accessed" -> k.applyAsLong("shadow_accessed_mask");
                case "dirty" -> k.applyAsLong("shadow_dirty_mask");
                case "huge" -> k.applyAsLong("PT_PAGE_SIZE_MASK");
                case "nx" -> k.applyAsLong("shadow_nx_mask");
                case "c" -> k.applyAsLong("shadow_me_value");
                case "s" -> k.applyAsLong("gfn_direct_bits") << k.applyAsLong("PAGE_SHIFT");
                case "always_set" -> k.applyAsLong("SPTE_MMU_PRESENT_MASK") | k.applyAsLong("shadow_present_mask");
                default -> throw new IllegalStateException(m);
            };
            out.add(new Define(m, CExprPrinter.mask(v), List.of()));
        }
        return out;
    }

    private static String staticAssert(CExprPrinter printer, Interpreter in, Invariant inv) {
        Expr cond = assertable(new Specializer(in), new ParamsAsLiterals(in).transform(condition(inv.claim())));
        Doc call = Doc.call("static_assert", List.of(printer.doc(cond), Doc.atom(CComments.string(inv.doc()))));
        return Doc.render(call, 0, 1) + ";";
    }

    /**
     * The condition with its comparisons and logic kept, so the assertion reads as the claim, and each
     * operand specialized: named constants and their bit combinations stay named, anything the compiler
     * could not evaluate in a constant expression (a call, a conditional) becomes its value.
     */
    static Expr assertable(Specializer specializer, Expr cond) {
        if (cond instanceof Expr.Binary b) {
            switch (b.op()) {
                case LAND, LOR:
                    return new Expr.Binary(b.op(), assertable(specializer, b.left()), assertable(specializer, b.right()));
                case EQ, NE, LT, LE, GT, GE:
                    return new Expr.Binary(b.op(), specializer.specialize(b.left()), specializer.specialize(b.right()));
                default:
                    break;
            }
        } else if (cond instanceof Expr.Unary u && u.op() == dev.sptegen.dsl.model.UnaryOp.LNOT) {
            return new Expr.Unary(u.op(), assertable(specializer, u.operand()));
        }
        return specializer.specialize(cond);
    }

    /** The claim as a C condition over named constants. */
    static Expr condition(Claim claim) {
        if (claim instanceof Claim.Disjoint d) {
            return d.a().and(d.b()).isZero();
        } else if (claim instanceof Claim.Equal e) {
            return e.a().eq(e.b());
        } else if (claim instanceof Claim.Subset s) {
            return s.a().clear(s.of()).isZero();
        }
        return ((Claim.Holds) claim).condition();
    }

    /** Parameters become their profile values; named constants stay named. */
    static final class ParamsAsLiterals extends ExprTransformer {
        private final Interpreter in;

        ParamsAsLiterals(Interpreter in) {
            this.in = in;
        }

        @Override
        public Expr paramRef(Expr.ParamRef e) {
            Parameter p = in.spec().parameters().get(e.name());
            long v = in.param(e.name());
            return p.kind() == Parameter.Kind.BOOL ? new Expr.BoolLit(v != 0) : new Expr.Lit(v);
        }
    }
}
