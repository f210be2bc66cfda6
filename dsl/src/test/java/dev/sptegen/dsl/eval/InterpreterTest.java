package dev.sptegen.dsl.eval;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.arg;
import static dev.sptegen.dsl.api.Dsl.bit;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.genmask;
import static dev.sptegen.dsl.api.Dsl.get;
import static dev.sptegen.dsl.api.Dsl.lit;
import static dev.sptegen.dsl.api.Dsl.put;
import static dev.sptegen.dsl.api.Dsl.spte;
import static dev.sptegen.dsl.api.Dsl.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sptegen.dsl.TinySpec;
import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference semantics, operator by operator. */
class InterpreterTest {
    private final Spec spec = spec();
    private final Interpreter in = new Interpreter(spec, "only");

    private static Spec spec() {
        SpecBuilder s = TinySpec.builder();
        s.all().field("gen").bits(3, 10).bits(52, 62).width(19).software().doc("split generation");
        s.all().extractor("get_gen").of(spte()).is(get("gen", SPTE)).doc("read the generation");
        s.all().maker("put_gen").of(spte(), dev.sptegen.dsl.api.Dsl.bits("gen", 19))
                .is(put("gen", SPTE, arg("gen"))).doc("write the generation");
        return s.build();
    }

    private long eval(Expr e) {
        return in.eval(e, Frame.EMPTY);
    }

    @Test
    void wordOperatorsAreUnsignedAndWrap() {
        assertEquals(0xffffffffffffffffL, eval(lit(0).minus(1)));
        assertEquals(1, eval(lit(-1).gt(lit(1))), "unsigned compare: 2^64-1 > 1");
        assertEquals(0, eval(lit(-1).lt(lit(1))));
        assertEquals(0x7fffffffffffffffL, eval(lit(-1).shr(1)), "logical shift right");
        assertEquals(0x8000000000000000L, eval(bit(63)));
        assertEquals(0x000ffffffffff000L, eval(genmask(51, 12)));
        assertEquals(-1L, eval(genmask(63, 0)));
        assertEquals(6, eval(lit(2).times(lit(3))));
        assertEquals(0xf0, eval(lit(0xff).xor(lit(0x0f))));
        assertEquals(~0x800L, eval(lit(0x800).inverted()));
    }

    @Test
    void shiftsOutsideTheWordAndEmptyMasksHaveNoValue() {
        assertEquals("shift by 64 is outside 0..63",
                assertThrows(EvalException.class, () -> eval(bit(64))).getMessage());
        assertEquals("GENMASK(3, 12) is not a range of bits 0..63",
                assertThrows(EvalException.class, () -> eval(genmask(3, 12))).getMessage());
    }

    @Test
    void logicalOperatorsShortCircuit() {
        // The right operand would fail; short-circuit means it is never evaluated.
        assertEquals(0, eval(dev.sptegen.dsl.api.Dsl.FALSE.andAlso(bit(64).eq(0))));
        assertEquals(1, eval(dev.sptegen.dsl.api.Dsl.TRUE.orElse(bit(64).eq(0))));
        assertEquals(7, eval(when(dev.sptegen.dsl.api.Dsl.TRUE, lit(7), bit(64))));
    }

    @Test
    void splitFieldsConcatenateLowPartFirst() {
        FieldBits gen = in.field("gen");
        assertEquals(List.of(new FieldBits.Part(3, 10), new FieldBits.Part(52, 62)), gen.parts());
        assertEquals(0x7ff00000000007f8L, gen.mask());
        assertEquals(0x7ffff, in.call("get_gen", -1L));
        // Gen bit 0 lands in SPTE bit 3; gen bit 8 (the first high bit) in SPTE bit 52.
        assertEquals(1L << 3, in.call("put_gen", 0, 1));
        assertEquals(1L << 52, in.call("put_gen", 0, 1 << 8));
        assertEquals(0xffffL << 16, in.call("put_gen", 0xffffL << 16, 0), "bits outside the field are kept");
        for (long g = 0; g < 1 << 19; g += 77) {
            assertEquals(g, in.call("get_gen", in.call("put_gen", 0x00000ffffffff000L, g)));
        }
    }

    @Test
    void constantsAreEvaluatedFromTheirDefinitions() {
        assertEquals(0x800, in.constant("PRESENT_MASK"));
        assertEquals(46, in.param("maxphyaddr"));
        assertEquals(1, in.call("is_present", 0x800));
        assertEquals(0, in.call("is_present", 0x7ff));
    }

    @Test
    void unknownNamesAreEvaluationErrors() {
        assertEquals("unknown constant 'NOPE'", assertThrows(EvalException.class, () -> eval(c("NOPE"))).getMessage());
        assertEquals("unknown function 'nope'", assertThrows(EvalException.class, () -> in.call("nope", 1)).getMessage());
    }

    @Test
    void argumentsAreFoundInEachFrameByName() {
        // One expression object, two frames that name their values in a different order.
        Expr difference = arg("a").minus(arg("b"));
        assertEquals(7, in.eval(difference, Frame.of(new String[] {"a", "b"}, 10, 3)));
        assertEquals(-7, in.eval(difference, Frame.of(new String[] {"b", "a"}, 10, 3)));
        assertEquals(7, in.eval(difference, Frame.of(new String[] {"a", "b"}, 10, 3)));
    }

    @Test
    void namesAreErrorsOnlyWhereTheyAreEvaluated() {
        assertEquals(1, eval(when(dev.sptegen.dsl.api.Dsl.FALSE, arg("x"), lit(1))));
        assertEquals("unknown argument 'x'", assertThrows(EvalException.class, () -> eval(arg("x"))).getMessage());
        Expr twoArgs = dev.sptegen.dsl.api.Dsl.call("get_gen", lit(1), lit(2));
        assertEquals(5, eval(when(dev.sptegen.dsl.api.Dsl.FALSE, twoArgs, lit(5))));
        for (int i = 0; i < 2; i++) {
            assertEquals("get_gen takes 1 argument(s), called with 2",
                    assertThrows(EvalException.class, () -> eval(twoArgs)).getMessage(), "run " + i);
        }
    }
}
