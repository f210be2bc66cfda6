package dev.sptegen.gen.c.selftests;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.gen.c.CComments;
import dev.sptegen.gen.c.CNames;
import java.util.ArrayList;
import java.util.List;

/**
 * mmio_spte_test: the MMIO generation width comes from the spec (MMIO_SPTE_GEN_MASK); the steps
 * below exercise caching, invalidation by memslot changes, an SPTE made with the top generation
 * bit set (so the trace check sees every generation bit) and a full wrap of the generation.
 */
public final class MmioTestBuilder {
    /** One step: its operation repeated {@code count} times before each of {@code rounds} guest rounds. */
    record Step(String name, String op, int count, int rounds, boolean mmio, int created) {
    }

    static final List<Step> STEPS = List.of(
            new Step("first_access", "OP_NONE", 0, 1, true, 1),
            new Step("cached", "OP_NONE", 0, 8, true, 0),
            new Step("create_each_round", "OP_CREATE", 1, 16, true, 1),
            new Step("delete_created", "OP_DELETE_CREATED", 1, 1, true, 1),
            new Step("pair_each_round", "OP_PAIR", 1, 16, true, 1),
            new Step("cached_again", "OP_NONE", 0, 4, true, 0),
            new Step("pairs_1000_each_round", "OP_PAIR", 1000, 4, true, 1),
            new Step("half_wrap", "OP_HALF", 1, 1, true, 1),
            new Step("cached_at_half", "OP_NONE", 0, 4, true, 0),
            new Step("wrap_then_back", "OP_WRAP_BACK", 1, 1, false, 0),
            new Step("backed", "OP_NONE", 0, 4, false, 0),
            new Step("unback", "OP_UNBACK", 1, 1, true, 1),
            new Step("cached_after_wrap", "OP_NONE", 0, 8, true, 0),
            new Step("create_after_wrap", "OP_CREATE", 1, 8, true, 1),
            new Step("pair_after_wrap", "OP_PAIR", 1, 8, true, 1));

    private MmioTestBuilder() {
    }

    public static MmioTestModel build(CheckedSpec checked) {
        Spec spec = checked.spec();
        Profile p = GuestPteBuilder.profile(spec);
        Interpreter in = checked.interpreter(p);
        int bits = Long.bitCount(in.constant("MMIO_SPTE_GEN_MASK"));
        List<String> steps = new ArrayList<>();
        for (Step s : STEPS) {
            steps.addAll(TableRows.row(List.of(CComments.string(s.name()), s.op(), Integer.toString(s.count()),
                    Integer.toString(s.rounds()), Boolean.toString(s.mmio()), Integer.toString(s.created()))));
        }
        return new MmioTestModel(spec.name(), CNames.header(spec), CNames.constant(p, "MMIO_SPTE_GEN_MASK"), bits,
                steps);
    }
}
