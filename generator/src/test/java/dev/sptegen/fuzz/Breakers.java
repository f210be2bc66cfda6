package dev.sptegen.fuzz;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.TRUE;
import static dev.sptegen.dsl.api.Dsl.arg;
import static dev.sptegen.dsl.api.Dsl.bit;
import static dev.sptegen.dsl.api.Dsl.bits;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.call;
import static dev.sptegen.dsl.api.Dsl.enumValue;
import static dev.sptegen.dsl.api.Dsl.genmask;
import static dev.sptegen.dsl.api.Dsl.get;
import static dev.sptegen.dsl.api.Dsl.lit;
import static dev.sptegen.dsl.api.Dsl.maskOf;
import static dev.sptegen.dsl.api.Dsl.p;
import static dev.sptegen.dsl.api.Dsl.range;
import static dev.sptegen.dsl.api.Dsl.spte;
import static dev.sptegen.dsl.api.Dsl.when;
import static dev.sptegen.dsl.api.Dsl.word;

import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.dsl.model.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Breaks a valid fuzzed spec in exactly one way, and says which problem validation must report: the
 * rule, the element (any of several for a cycle) and a fragment of the message. Each break adds or
 * changes one thing of a derived copy of the spec, at a random place, with random values.
 */
final class Breakers {
    /** A broken spec: how to build it and the problem it must be rejected with. */
    record Broken(String what, String rule, List<String> elements, String fragment, Consumer<SpecBuilder> change) {
    }

    private Breakers() {
    }

    /** Every kind of break; a run cycles through them. */
    static final List<String> KINDS = List.of("overlap-parts", "overlap-view", "bit-64-field", "bit-64-shift",
            "bit-64-genmask", "empty-range-field", "empty-range-genmask", "empty-range-parameter", "empty-range-argument",
            "empty-levels", "split-width", "enum-value-too-wide", "enum-width", "enum-wider-than-field",
            "duplicate-element", "duplicate-case", "duplicate-parameter", "duplicate-argument", "duplicate-enum-value",
            "duplicate-profile", "unknown-constant", "unknown-parameter", "unknown-function", "unknown-field",
            "unknown-enum-value", "unknown-argument", "unknown-view-field", "unknown-producer", "unknown-view",
            "unknown-binding", "wrong-arity", "cycle-constants", "cycle-field", "cycle-functions", "type-body",
            "type-flag", "type-operand", "type-branches", "type-equality", "static-invariant", "view-invariant",
            "producer-outside-view", "call-invariant", "incomplete", "missing-doc", "bad-name", "binding-out-of-range",
            "no-arguments", "range-too-wide", "closed-shift-in-function");

    static Broken of(String kind, SpecFuzzer.Fuzzed valid, SplittableRandom r) {
        SpecFuzzer.Meta m = valid.meta();
        int low = r.nextInt(56);
        String aField = m.fields.get(r.nextInt(m.fields.size()));
        String aConstant = new ArrayList<>(m.constants.keySet()).get(r.nextInt(m.constants.size()));
        List<String> wordConstants = m.constants.entrySet().stream().filter(e -> e.getValue() == Type.U64)
                .map(java.util.Map.Entry::getKey).toList();
        String aFunction = new ArrayList<>(m.functions.keySet()).get(r.nextInt(m.functions.size()));
        String aView = new ArrayList<>(m.views.keySet()).get(r.nextInt(m.views.size()));
        String aProfile = valid.spec().profiles().keySet().iterator().next();
        return switch (kind) {
            case "overlap-parts" -> new Broken(kind, "overlap", List.of("field xbad"), "overlaps another part of the same field",
                    s -> s.all().field("xbad").bits(low, low + 3).bits(low + 1 + r.nextInt(3), low + 5).doc("overlapping parts"));
            case "overlap-view" -> new Broken(kind, "overlap", List.of("view vbad"), "fields xbad1 and xbad2 overlap at bit(s)",
                    s -> {
                        s.all().field("xbad1").bits(low, low + 3).doc("one");
                        s.all().field("xbad2").bits(low + 3, low + 5).doc("two");
                        s.all().view("vbad").when(TRUE).fields("xbad1", "xbad2").doc("both");
                    });
            case "bit-64-field" -> new Broken(kind, "bit-range", List.of("field xbad"), "reach outside bits 0..63",
                    s -> s.all().field("xbad").bits(low, 64 + r.nextInt(3)).doc("past bit 63"));
            case "bit-64-shift" -> new Broken(kind, "evaluation", List.of("constant XBAD"), " is outside 0..63",
                    s -> s.all().mask("XBAD").is(bit(64 + r.nextInt(64))).doc("BIT_ULL(64)"));
            case "bit-64-genmask" -> new Broken(kind, "evaluation", List.of("constant XBAD"), "is not a range of bits 0..63",
                    s -> s.all().mask("XBAD").is(genmask(64, low)).doc("GENMASK_ULL(64, n)"));
            case "empty-range-field" -> new Broken(kind, "bit-range", List.of("field xbad"),
                    "are an empty range (low end above high end)",
                    s -> s.all().field("xbad").bits(low + 2 + r.nextInt(6), low).doc("reversed"));
            case "empty-range-genmask" -> new Broken(kind, "evaluation", List.of("constant XBAD"), "is not a range of bits 0..63",
                    s -> s.all().mask("XBAD").is(genmask(low, low + 1 + r.nextInt(7))).doc("GENMASK_ULL(low, high)"));
            case "empty-range-parameter" -> new Broken(kind, "parameter-range", List.of("parameter pbad"), "range 9..3 is empty",
                    s -> s.intParam("pbad", 9, 3, 5, "an empty range"));
            case "empty-range-argument" -> new Broken(kind, "parameter-range", List.of("function xbad"),
                    "argument level has an empty range 4..1",
                    s -> s.all().predicate("xbad").of(spte(), range("level", 4, 1)).is(arg("level").eq(2)).doc("empty"));
            case "empty-levels" -> new Broken(kind, "parameter-range", List.of("view vbad"), "are not within 1..5",
                    s -> s.all().view("vbad").when(TRUE).levels(3 + r.nextInt(3), 1 + r.nextInt(2)).doc("no levels"));
            case "split-width" -> new Broken(kind, "split-width", List.of("field xbad"), "add up to 5 bit(s), but the field is declared",
                    s -> s.all().field("xbad").bits(low, low + 2).bits(low + 4, low + 5).width(6 + r.nextInt(5)).doc("split"));
            case "enum-value-too-wide" -> new Broken(kind, "enum-width", List.of("enum enbad"), "does not fit in 2 bit(s)",
                    s -> s.enumType("enbad", 2, "too wide").value("A", 0, "a").value("B", 4 + r.nextInt(100), "b"));
            case "enum-width" -> new Broken(kind, "enum-width", List.of("enum enbad"), "is outside 1..63",
                    s -> s.enumType("enbad", r.nextBoolean() ? 0 : 64 + r.nextInt(10), "no width").value("A", 0, "a"));
            case "enum-wider-than-field" -> new Broken(kind, "enum-width", List.of("field xbad"), "does not fit the field's 2 bit(s)",
                    s -> {
                        s.enumType("enbad", 3, "three bits").value("A", 0, "a").value("B", 4 + r.nextInt(4), "b");
                        s.all().field("xbad").bits(low, low + 1).enumOf("enbad").doc("two bits");
                    });
            case "duplicate-element" -> new Broken(kind, "duplicate-name", List.of("constant " + aField),
                    "is declared twice on", s -> s.all().mask(aField).is(lit(1)).doc("same name as a field"));
            case "duplicate-case" -> {
                String upper = aField.toUpperCase(Locale.ROOT);
                yield new Broken(kind, "duplicate-name", List.of("constant " + upper), "names must differ in more than letter case",
                        s -> s.all().mask(upper).is(lit(1)).doc("same name as a field, in capitals"));
            }
            case "duplicate-parameter" -> new Broken(kind, "duplicate-name", List.of("parameter pdup"), "is declared twice",
                    s -> {
                        s.boolParam("pdup", true, "first");
                        s.intParam("pdup", 0, 3, 1, "second");
                    });
            case "duplicate-argument" -> new Broken(kind, "duplicate-name", List.of("function xbad"), "has two arguments named spte",
                    s -> s.all().predicate("xbad").of(spte(), word("spte")).is(SPTE.eq(1)).doc("twice spte"));
            case "duplicate-enum-value" -> new Broken(kind, "duplicate-name", List.of("enum enbad"), "is declared twice",
                    s -> s.enumType("enbad", 2, "twice A").value("A", 0, "a").value("A", 1, "a again"));
            case "duplicate-profile" -> new Broken(kind, "duplicate-name", List.of("profile " + aProfile), "is declared twice",
                    s -> s.profile(aProfile, valid.meta().vendors.get(0), "again"));
            case "unknown-constant" -> new Broken(kind, "unknown-reference", List.of("constant XBAD"),
                    "refers to unknown constant 'NO_SUCH' (on ", s -> s.all().mask("XBAD").is(c("NO_SUCH").or(c(aConstant))).doc("?"));
            case "unknown-parameter" -> new Broken(kind, "unknown-reference", List.of("constant XBAD"),
                    "refers to unknown parameter 'no_such' (on ", s -> s.all().mask("XBAD").is(p("no_such")).doc("?"));
            case "unknown-function" -> new Broken(kind, "unknown-reference", List.of("function xbad"),
                    "calls unknown function 'no_such' (on ", s -> s.all().predicate("xbad").of(spte()).is(call("no_such", SPTE)).doc("?"));
            case "unknown-field" -> new Broken(kind, "unknown-reference", List.of("function xbad"),
                    "refers to unknown field 'no_such' (on ", s -> s.all().extractor("xbad").of(spte()).is(get("no_such", SPTE)).doc("?"));
            case "unknown-enum-value" -> new Broken(kind, "unknown-reference", List.of("constant XBAD"),
                    m.enums.isEmpty() ? "refers to unknown enum 'en_none'" : "refers to unknown value 'NO_SUCH' of enum",
                    s -> s.all().mask("XBAD").is(m.enums.isEmpty() ? enumValue("en_none", "A")
                            : enumValue(m.enums.keySet().iterator().next(), "NO_SUCH")).doc("?"));
            case "unknown-argument" -> new Broken(kind, "unknown-reference", List.of("function xbad"),
                    "refers to unknown argument 'gfn'; its arguments are spte (on ",
                    s -> s.all().predicate("xbad").of(spte()).is(arg("gfn").eq(SPTE)).doc("?"));
            case "unknown-view-field" -> new Broken(kind, "unknown-reference", List.of("view " + aView),
                    "lists unknown field 'no_such' (on ", s -> s.all().redefine().view(aView).fields(aField, "no_such"));
            case "unknown-producer" -> new Broken(kind, "unknown-reference", List.of("view " + aView),
                    "is produced by unknown function 'no_such' (on ", s -> s.all().redefine().view(aView).producedBy("no_such"));
            case "unknown-view" -> new Broken(kind, "unknown-reference", List.of("invariant xbad"),
                    "ranges over unknown view 'no_such' (on ",
                    s -> s.all().invariant("xbad").forEveryValue("no_such").holds(TRUE).doc("?"));
            case "unknown-binding" -> new Broken(kind, "unknown-reference", List.of("profile " + aProfile + "-x"),
                    "binds unknown parameter 'no_such'", s -> s.profile(aProfile + "-x", valid.meta().vendors.get(0), "?")
                            .set("no_such", 1));
            case "wrong-arity" -> {
                var callee = valid.spec().layout(valid.meta().vendors.get(0)).function(aFunction);
                int n = callee.args().size();
                yield new Broken(kind, "unknown-reference", List.of("function xbad"),
                        "calls " + aFunction + " with " + (n + 1) + " argument(s); it takes " + n + " (on ",
                        s -> {
                            List<Expr> args = new ArrayList<>();
                            for (int i = 0; i <= n; i++) {
                                args.add(lit(i));
                            }
                            s.all().helper("xbad", callee.returns()).of(spte()).is(new Expr.Call(aFunction, args))
                                    .doc("one argument too many");
                        });
            }
            case "cycle-constants" -> new Broken(kind, "cycle", List.of("constant XA", "constant XB", "constant XC"),
                    "depends on itself: ", s -> {
                        s.all().mask("XA").is(c("XB").or(lit(1))).doc("a");
                        s.all().mask("XB").is(c("XC").and(c(aConstant.equals("XA") ? "XB" : wordOr(wordConstants, "XC")))).doc("b");
                        s.all().mask("XC").is(c("XA").plus(1)).doc("c");
                    });
            case "cycle-field" -> new Broken(kind, "cycle", List.of("field xbad", "constant XLOW"), "depends on itself: ",
                    s -> {
                        s.all().number("XLOW").is(maskOf("xbad").and(lit(7))).doc("from the field");
                        s.all().field("xbad").bits(c("XLOW"), c("XLOW").plus(2)).doc("from the constant");
                    });
            case "cycle-functions" -> new Broken(kind, "cycle", List.of("function xf1", "function xf2"), "depends on itself: ",
                    s -> {
                        s.all().predicate("xf1").of(spte()).is(call("xf2", SPTE)).doc("calls xf2");
                        s.all().predicate("xf2").of(spte()).is(call("xf1", SPTE.shr(1))).doc("calls xf1");
                    });
            case "type-body" -> new Broken(kind, "type", List.of("function xbad"), "the body of a bool function must be bool but",
                    s -> s.all().predicate("xbad").of(spte()).is(SPTE.and(lit(1L << low))).doc("a word"));
            case "type-flag" -> new Broken(kind, "type", List.of("constant XBAD"), "the value of a flag constant must be bool but",
                    s -> s.all().flag("XBAD").is(lit(r.nextInt(2))).doc("a number"));
            case "type-operand" -> new Broken(kind, "type", List.of("function xbad"), "must be bool but is u64",
                    s -> s.all().predicate("xbad").of(spte()).is(SPTE.andAlso(TRUE)).doc("&& of a word"));
            case "type-branches" -> new Broken(kind, "type", List.of("function xbad"), "have different types: u64 and bool",
                    s -> s.all().extractor("xbad").of(spte()).is(when(SPTE.eq(0), SPTE, TRUE)).doc("mixed"));
            case "type-equality" -> new Broken(kind, "type", List.of("function xbad"), "have different types: u64 and bool",
                    s -> s.all().predicate("xbad").of(spte()).is(SPTE.eq(TRUE)).doc("word == bool"));
            case "static-invariant" -> {
                String k = wordOr(wordConstants, null);
                yield k == null
                        ? new Broken(kind, "static-invariant", List.of("invariant xbad"), "sets bit",
                                s -> s.all().invariant("xbad").disjoint(maskOf(aField), maskOf(aField)).doc("a field is disjoint from itself"))
                        : new Broken(kind, "static-invariant", List.of("invariant xbad"), k + " (",
                                s -> s.all().invariant("xbad").equal(c(k), c(k).plus(1 + r.nextInt(9))).doc("K is K + n"));
            }
            case "view-invariant" -> {
                long mask = 0x3L << low;
                long value = r.nextLong() & mask;
                yield new Broken(kind, "view-invariant", List.of("invariant xbad"), "counterexample spte=",
                        s -> {
                            s.all().view("vbad").when(SPTE.and(lit(mask)).eq(lit(value))).doc("tagged");
                            s.all().invariant("xbad").forEveryValue("vbad").holds(SPTE.and(lit(mask)).ne(lit(value)))
                                    .doc("never tagged");
                        });
            }
            case "producer-outside-view" -> new Broken(kind, "view-invariant", List.of("view vbad"),
                    "is not in the view it produces: vbad requires",
                    s -> {
                        s.all().maker("xmk").of(bits("a", 2)).is(arg("a")).doc("0..3");
                        s.all().view("vbad").when(SPTE.eq(lit(0x1000 + r.nextInt(1000)))).producedBy("xmk").doc("one value");
                    });
            case "call-invariant" -> new Broken(kind, "call-invariant", List.of("invariant xbad"), "counterexample " + aFunction + "(",
                    s -> s.all().invariant("xbad").forEveryCall(aFunction)
                            .holds(arg("result").eq(arg("result")).negated()).doc("never"));
            case "incomplete" -> new Broken(kind, "incomplete", List.of("element XBAD"), "never given its definition",
                    s -> s.all().mask("XBAD").doc("no value"));
            case "missing-doc" -> new Broken(kind, "missing-doc", List.of("constant XBAD"), "has no doc",
                    s -> s.all().mask("XBAD").is(lit(1)));
            case "bad-name" -> new Broken(kind, "name", List.of("constant 9bad"), "is not an identifier",
                    s -> s.all().mask("9bad").is(lit(1)).doc("starts with a digit"));
            case "binding-out-of-range" -> new Broken(kind, "parameter-range", List.of("profile pbad"), "outside 1..3",
                    s -> {
                        s.intParam("prange", 1, 3, 2, "1..3");
                        s.profile("pbad", valid.meta().vendors.get(0), "bad binding").set("prange", 4 + r.nextInt(100));
                    });
            case "no-arguments" -> new Broken(kind, "arity", List.of("function xbad"), "takes no arguments",
                    s -> s.all().helper("xbad", Type.U64).is(lit(1)).doc("a constant in disguise"));
            case "range-too-wide" -> new Broken(kind, "parameter-range", List.of("function xbad"), "a range must have at most 65536 values",
                    s -> s.all().maker("xbad").of(range("n", r.nextBoolean() ? -(1L << 40) : 0, r.nextBoolean() ? 1L << 16 : 1L << 40))
                            .is(arg("n")).doc("a wide range"));
            case "closed-shift-in-function" -> new Broken(kind, "evaluation", List.of("function xbad"), "is outside 0..63",
                    s -> s.all().extractor("xbad").of(spte()).is(when(SPTE.eq(lit(r.nextLong())), lit(1).shl(64 + r.nextInt(64)), SPTE))
                            .doc("a shift past bit 63 in one branch"));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String wordOr(List<String> names, String otherwise) {
        return names.isEmpty() ? otherwise : names.get(0);
    }

    /** The broken spec: a derived copy of the valid one with the change. */
    static Spec build(SpecFuzzer.Fuzzed valid, Broken broken) {
        Spec v = valid.spec();
        SpecBuilder s = SpecBuilder.derive(v, v.name(), v.kernel(), v.summary());
        broken.change().accept(s);
        return s.build();
    }

    static Vendor firstVendor(SpecFuzzer.Fuzzed f) {
        return f.meta().vendors.get(0);
    }
}
