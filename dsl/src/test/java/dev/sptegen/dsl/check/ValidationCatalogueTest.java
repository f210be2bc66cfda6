package dev.sptegen.dsl.check;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.arg;
import static dev.sptegen.dsl.api.Dsl.bit;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.call;
import static dev.sptegen.dsl.api.Dsl.lit;
import static dev.sptegen.dsl.api.Dsl.p;
import static dev.sptegen.dsl.api.Dsl.spte;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.dsl.TinySpec;
import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Vendor;
import dev.sptegen.kvm.KvmSpecs;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** One bad spec per rule, each with the exact message a user sees. */
class ValidationCatalogueTest {

    /** The problems of TinySpec after a change, as printed. */
    private static List<String> problems(Consumer<SpecBuilder> change) {
        SpecBuilder s = TinySpec.builder();
        change.accept(s);
        try {
            Spec spec = s.build();
            return new Validator().problems(spec).stream().map(Problem::toString).toList();
        } catch (SpecException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }

    private static void assertProblems(Consumer<SpecBuilder> change, String... expected) {
        assertEquals(List.of(expected), problems(change));
    }

    @Test
    void tinySpecIsValid() {
        assertEquals(List.of(), problems(s -> { }));
    }

    @Test
    void bundledSpecsAreValid() {
        for (Spec spec : KvmSpecs.all()) {
            assertEquals(List.of(), new Validator().problems(spec), spec.name());
        }
    }

    @Test
    void overlappingFieldsInOneView() {
        assertProblems(s -> {
            s.all().field("wide").bits(8, 12).doc("overlaps present");
            s.all().redefine().view("present_view").fields("present", "wide");
        }, "tiny/only: view present_view: fields present and wide overlap at bit(s) 11 [overlap]");
    }

    @Test
    void bitOutsideTheWord() {
        assertProblems(s -> s.all().field("bad").bits(60, 64).doc("too high"),
                "tiny/only: field bad: bits 60..64 reach outside bits 0..63 [bit-range]");
    }

    @Test
    void emptyRange() {
        assertProblems(s -> s.all().field("bad").bits(12, 3).doc("reversed"),
                "tiny/only: field bad: bits 12..3 are an empty range (low end above high end) [bit-range]");
    }

    @Test
    void splitFieldWhosePartsDoNotAddUp() {
        assertProblems(s -> s.all().field("gen").bits(3, 10).bits(52, 62).width(18).software().doc("generation"),
                "tiny/only: field gen: parts [3-10, 52-62] add up to 19 bit(s), but the field is declared 18 bit(s) wide [split-width]");
    }

    @Test
    void partsOfOneFieldOverlap() {
        assertProblems(s -> s.all().field("twice").bits(3, 10).bits(8, 9).doc("overlapping parts"),
                "tiny/only: field twice: part 8-9 overlaps another part of the same field at bit(s) 8-9 [overlap]");
    }

    @Test
    void enumValueTooWide() {
        assertProblems(s -> s.enumType("kind", 2, "a kind").value("A", 0, "a").value("B", 4, "b"),
                "tiny: enum kind: value B = 0x4 does not fit in 2 bit(s) [enum-width]");
    }

    @Test
    void enumWiderThanItsField() {
        assertProblems(s -> {
            s.enumType("kind", 3, "a kind").value("A", 0, "a").value("B", 6, "b");
            s.all().field("k").bits(52, 53).enumOf("kind").doc("a 2-bit field");
        }, "tiny/only: field k: enum kind value B = 6 does not fit the field's 2 bit(s) [52-53] [enum-width]");
    }

    @Test
    void duplicateNames() {
        assertProblems(s -> s.all().mask("present").is(lit(1)).doc("clashes with the field"),
                "tiny: constant present: is declared twice on ept (first as a field); use redefine() to change it [duplicate-name]");
    }

    @Test
    void namesThatDifferOnlyInCase() {
        assertProblems(s -> s.all().mask("present_mask").is(lit(1)).doc("PRESENT_MASK in another case"),
                "tiny: constant present_mask: clashes with constant PRESENT_MASK on ept (names must differ in more than letter case "
                        + "and underscores, which generated code drops) [duplicate-name]");
    }

    @Test
    void namesThatGeneratedCodeCannotUse() {
        assertProblems(s -> s.all().predicate("is_odd").of(spte(), dev.sptegen.dsl.api.Dsl.flag("default"),
                        dev.sptegen.dsl.api.Dsl.flag("de_fault")).is(SPTE.anySet(lit(1))).doc("bad argument names"),
                "tiny: function is_odd: 'default' is a reserved word of C or Java, which generated code uses [name]",
                "tiny: function is_odd: arguments default and de_fault differ only in letter case and underscores [duplicate-name]");
    }

    @Test
    void aFunctionNamedLikeAFieldAccessor() {
        assertProblems(s -> s.all().extractor("get_present").of(spte()).is(SPTE.and(1)).doc("clashes with getPresent"),
                "tiny: function get_present: clashes with the accessor get_present of field present on ept (names must "
                        + "differ in more than letter case and underscores, which generated code drops) [duplicate-name]");
    }

    @Test
    void aWordPassedToARangeArgument() {
        assertProblems(s -> {
            s.all().predicate("at_level").of(spte(), dev.sptegen.dsl.api.Dsl.range("level", 1, 4))
                    .is(arg("level").eq(1)).doc("level 1");
            s.all().predicate("uses_level").of(spte()).is(call("at_level", SPTE, SPTE.and(3))).doc("bad call");
        }, "tiny: function uses_level: passes spte & 3 to argument level of at_level, which takes 1..4: pass a range "
                + "argument or a literal within it [range-argument]");
    }

    @Test
    void unknownReferences() {
        assertProblems(s -> s.all().predicate("is_odd").of(spte())
                        .is(SPTE.and(c("NO_SUCH_MASK")).eq(p("no_such_param")).andAlso(call("no_such_fn", SPTE)))
                        .doc("refers to nothing"),
                "tiny: function is_odd: refers to unknown constant 'NO_SUCH_MASK' (on ept) [unknown-reference]",
                "tiny: function is_odd: refers to unknown parameter 'no_such_param' (on ept) [unknown-reference]",
                "tiny: function is_odd: calls unknown function 'no_such_fn' (on ept) [unknown-reference]");
    }

    @Test
    void unknownArgumentAndWrongArity() {
        assertProblems(s -> s.all().predicate("is_odd").of(spte())
                        .is(arg("level").eq(1).andAlso(call("is_present", SPTE, lit(1)))).doc("bad args"),
                "tiny: function is_odd: refers to unknown argument 'level'; its arguments are spte (on ept) [unknown-reference]",
                "tiny: function is_odd: calls is_present with 2 argument(s); it takes 1 (on ept) [unknown-reference]");
    }

    @Test
    void typeErrors() {
        assertProblems(s -> s.all().predicate("is_odd").of(spte()).is(SPTE.and(1)).doc("a word, not a bool"),
                "tiny: function is_odd: the body of a bool function must be bool but spte & 1 is u64 [type]");
    }

    @Test
    void cyclicConstants() {
        assertProblems(s -> {
            s.all().mask("A").is(c("B").or(lit(1))).doc("a");
            s.all().mask("B").is(c("A")).doc("b");
        }, "tiny: constant A: depends on itself: A -> B -> A (on ept) [cycle]");
    }

    @Test
    void staticInvariantThatFails() {
        assertProblems(s -> {
            s.all().redefine().value("FROZEN").is(lit(0x80000000000008a0L));
            s.all().invariant("frozen_not_present").disjoint(c("FROZEN"), c("PRESENT_MASK"))
                    .doc("frozen SPTE is not MMU-present");
        }, "tiny/only: invariant frozen_not_present: FROZEN (0x80000000000008a0) sets bit 11 (PRESENT_MASK): "
                + "violates \"frozen SPTE is not MMU-present\" [static-invariant]");
    }

    @Test
    void viewInvariantThatFailsNamesACounterexample() {
        assertProblems(s -> s.all().invariant("present_has_bit_0").forEveryValue("present_view")
                        .holds(SPTE.anySet(lit(1))).doc("present values set bit 0"),
                "tiny/only: invariant present_has_bit_0: counterexample spte=0x0000000000000800 level=1 is in view "
                        + "present_view but (spte & 1) != 0 is false: violates \"present values set bit 0\" [view-invariant]");
    }

    @Test
    void shiftBy64() {
        assertProblems(s -> s.all().mask("TOO_FAR").is(bit(64)).doc("bit 64"),
                "tiny/only: constant TOO_FAR: shift by 64 is outside 0..63 [evaluation]");
    }

    @Test
    void aFixedShiftOutsideTheWordOfAnArgument() {
        assertProblems(s -> s.all().extractor("too_far").of(spte()).is(SPTE.shr(70)).doc("shifts by 70"),
                "tiny/only: function too_far: shift by 70 is outside 0..63 [evaluation]");
    }

    @Test
    void aShiftByAnArgumentThatCanLeaveTheWord() {
        assertProblems(s -> s.all().extractor("shift_by").of(spte(), dev.sptegen.dsl.api.Dsl.bits("n", 7))
                        .is(SPTE.shr(arg("n"))).doc("shifts by n"),
                "tiny/only: function shift_by: shift_by(spte=0x1, n=0x40): shift by 64 is outside 0..63 [evaluation]");
    }

    @Test
    void anArgumentWhoseJavaSpellingIsAKeyword() {
        // The Java runtime spells arguments in camelCase with a lower-case first letter: Int becomes int.
        assertProblems(s -> s.all().extractor("keep").of(spte(), dev.sptegen.dsl.api.Dsl.bits("Int", 3))
                        .is(SPTE.or(arg("Int"))).doc("an argument spelt int in Java"),
                "tiny: function keep: 'Int' is a reserved word of C or Java, which generated code uses [name]");
    }

    @Test
    void anArgumentNamedLikeACallsValue() {
        assertProblems(s -> s.all().extractor("keep").of(spte(), dev.sptegen.dsl.api.Dsl.bits("re_sult", 3))
                        .is(SPTE.or(arg("re_sult"))).doc("an argument spelt like result"),
                "tiny: function keep: argument 're_sult' clashes with 'result', the name call invariants give the "
                        + "function's value [name]");
    }

    @Test
    void missingDocAndIncompleteDeclaration() {
        assertProblems(s -> {
            s.all().mask("UNDOCUMENTED").is(lit(1));
            s.all().mask("NO_VALUE").doc("never given a value");
        }, "tiny: element NO_VALUE: was declared on ept but never given its definition (.is/.when/.holds/.bits) [incomplete]");
        assertProblems(s -> s.all().mask("UNDOCUMENTED").is(lit(1)),
                "tiny: constant UNDOCUMENTED: has no doc; say what it is and why [missing-doc]");
    }

    @Test
    void profileBindingOutOfRange() {
        assertProblems(s -> s.profile("huge", Vendor.EPT, "too many PA bits").set("maxphyaddr", 60),
                "tiny: profile huge: binds maxphyaddr = 60, outside 36..52 [parameter-range]");
    }

    @Test
    void redefiningSomethingThatDoesNotExist() {
        assertProblems(s -> s.all().redefine().mask("NOPE").is(lit(1)),
                "tiny: constant NOPE: cannot redefine NOPE on ept: it is not declared [unknown-reference]");
    }

    @Test
    void aSpecThatFailsValidationCannotBeChecked() {
        SpecBuilder s = TinySpec.builder();
        s.all().invariant("never").holds(lit(0).eq(1)).doc("cannot hold");
        SpecException e = assertThrows(SpecException.class, () -> new Validator().check(s.build()));
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().contains("violates \"cannot hold\""), e.getMessage());
    }

    // ---- completed for issue 7 (the spec fuzzer's kinds of break that had no entry) ----

    @Test
    void enumWidthOutsideTheWord() {
        assertProblems(s -> s.enumType("kind", 64, "too wide").value("A", 0, "a"),
                "tiny: enum kind: width 64 is outside 1..63 [enum-width]");
    }

    @Test
    void emptyParameterRange() {
        assertProblems(s -> s.intParam("levels", 5, 4, 5, "5..4"),
                "tiny: parameter levels: range 5..4 is empty [parameter-range]");
    }

    @Test
    void emptyArgumentRange() {
        assertProblems(s -> s.all().predicate("at_level").of(spte(), dev.sptegen.dsl.api.Dsl.range("level", 4, 1))
                        .is(arg("level").eq(2)).doc("no level"),
                "tiny: function at_level: argument level has an empty range 4..1 [parameter-range]");
    }

    @Test
    void cyclicFunctions() {
        assertProblems(s -> {
            s.all().predicate("f1").of(spte()).is(call("f2", SPTE)).doc("calls f2");
            s.all().predicate("f2").of(spte()).is(call("f1", SPTE.shr(1))).doc("calls f1");
        }, "tiny: function f1: depends on itself: f1 -> f2 -> f1 (on ept) [cycle]");
    }

    @Test
    void aMakerWhoseValuesLeaveItsView() {
        assertProblems(s -> {
            s.all().maker("make_small").of(dev.sptegen.dsl.api.Dsl.bits("a", 2)).is(arg("a")).doc("0..3");
            s.all().view("big").when(SPTE.eq(lit(0x1000))).producedBy("make_small").doc("one value");
        }, "tiny/only: view big: make_small(a=0x0) = 0x0000000000000000 (level 1) is not in the view it produces: "
                + "big requires spte == 0x1000 [view-invariant]");
    }

    @Test
    void callInvariantThatFailsNamesTheCall() {
        assertProblems(s -> {
            s.all().maker("make_small").of(dev.sptegen.dsl.api.Dsl.bits("a", 2)).is(arg("a").shl(11)).doc("present or not");
            s.all().invariant("made_present").forEveryCall("make_small").holds(call("is_present", arg("result")))
                    .doc("made SPTEs are present");
        }, "tiny/only: invariant made_present: counterexample make_small(a=0x0) = 0x0000000000000000 but "
                + "is_present(result) is false: violates \"made SPTEs are present\" [call-invariant]");
    }

    @Test
    void argumentRangeTooWideToEnumerate() {
        assertProblems(s -> s.all().maker("make_wide").of(dev.sptegen.dsl.api.Dsl.range("n", 0, 1L << 40)).is(arg("n")).doc("wide"),
                "tiny: function make_wide: argument n ranges over 0..1099511627776; a range must have at most 65536 values, "
                        + "all within 32 bits (use bits() for wide values) [parameter-range]");
    }

    @Test
    void aSubExpressionWithoutArgumentsThatHasNoValue() {
        // Fuzz finding (-Dfuzz.unmaskedShifts): the emitters fold 1 << 70 and failed with an EvalException.
        assertProblems(s -> s.all().predicate("far").of(spte())
                        .is(dev.sptegen.dsl.api.Dsl.when(SPTE.eq(lit(0)), lit(1).shl(70), lit(0)).nonZero()).doc("bit 70"),
                "tiny/only: function far: shift by 70 is outside 0..63 [evaluation]");
    }

    @Test
    void sixtyThreeBitEnumsAndFieldsAreFine() {
        // Fuzz finding (seed 0xe90b367d009311ac): 1L << 63 is negative, so every code "did not fit" 63 bits.
        assertProblems(s -> {
            s.enumType("wide", 63, "63 bits").value("A", 4, "a").value("B", Long.MAX_VALUE, "b");
            s.all().field("most").bits(0, 10).bits(12, 63).enumOf("wide").doc("63 bits, split");
        });
        assertProblems(s -> s.enumType("wide", 63, "63 bits").value("A", Long.MIN_VALUE, "bit 63"),
                "tiny: enum wide: value A = 0x8000000000000000 does not fit in 63 bit(s) [enum-width]");
    }
}
