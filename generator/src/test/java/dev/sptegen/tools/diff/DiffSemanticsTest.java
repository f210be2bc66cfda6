package dev.sptegen.tools.diff;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.arg;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.kvm.KvmX86_5_13;
import dev.sptegen.kvm.KvmX86_6_10;
import dev.sptegen.kvm.KvmX86_6_11;
import dev.sptegen.kvm.KvmX86_7_2;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What the diff decides: meaning by evaluation, renames by definition, on small edits of the real specs. */
class DiffSemanticsTest {

    private static Spec edit(Spec base, Consumer<SpecBuilder> change) {
        SpecBuilder s = SpecBuilder.derive(base, base.name() + "-edited", base.kernel(), base.summary());
        change.accept(s);
        return s.build();
    }

    private static List<String> keys(SpecDiff d, String profile) {
        return d.profiles().stream().filter(p -> p.profile().equals(profile)).findFirst().orElseThrow().changes()
                .stream().map(c -> c.section().label() + " " + c.kind().label() + " "
                        + c.renamedFrom().map(o -> o + " -> ").orElse("") + c.name()).toList();
    }

    @Test
    void aSpecAgainstItselfHasNoDifferences() {
        assertTrue(SpecDiffer.diff(KvmX86_7_2.SPEC, KvmX86_7_2.SPEC, Optional.empty()).isEmpty());
    }

    @Test
    void aRewrittenDefinitionWithTheSameResultsIsNotAChange() {
        Spec rewritten = edit(KvmX86_6_10.SPEC, s -> s.all().redefine().predicate("is_removed_spte")
                .is(SPTE.eq(c("SHADOW_NONPRESENT_VALUE").or(lit(0x5a0)))));
        assertTrue(SpecDiffer.diff(KvmX86_6_10.SPEC, rewritten, Optional.empty()).isEmpty());
    }

    @Test
    void aChangeOfMeaningIsFoundWithAnInputThatShowsIt() {
        Spec changed = edit(KvmX86_6_10.SPEC, s -> s.all().redefine().predicate("is_last_spte")
                .is(arg("level").eq(c("PG_LEVEL_4K"))));
        SpecDiff d = SpecDiffer.diff(KvmX86_6_10.SPEC, changed, Optional.of("npt"));
        assertEquals(List.of("function changed is_last_spte", "view changed leaf", "view changed nonleaf"), keys(d, "npt"));
        Change c = d.profiles().get(0).changes().get(0);
        assertEquals(new Example("is_last_spte(spte=0x80, level=2)", "true", "false"), c.example().get());
        assertEquals(new Cause(true, List.of()), c.cause());
        Change leaf = d.profiles().get(0).changes().get(1);
        assertEquals(List.of("is_last_spte"), leaf.cause().via());
    }

    @Test
    void theSixElevenRenameIsThreeRenamesAndNothingElse() {
        SpecDiff d = SpecDiffer.diff(KvmX86_6_10.SPEC, KvmX86_6_11.SPEC, Optional.empty());
        assertTrue(d.specChanges().isEmpty());
        for (String p : d.compared()) {
            assertEquals(List.of("constant renamed REMOVED_SPTE -> FROZEN_SPTE",
                    "function renamed is_removed_spte -> is_frozen_spte",
                    "invariant renamed removed_spte_not_mmu_present -> frozen_spte_not_mmu_present"), keys(d, p), p);
        }
    }

    @Test
    void aRenameThatAlsoChangesTheValueIsARemovalAndAnAddition() {
        Spec renamed = edit(KvmX86_6_10.SPEC, s -> {
            s.rename("REMOVED_SPTE", "FROZEN_SPTE");
            s.all().redefine().value("FROZEN_SPTE").is(c("SHADOW_NONPRESENT_VALUE").or(lit(0x1a0)));
        });
        List<String> keys = keys(SpecDiffer.diff(KvmX86_6_10.SPEC, renamed, Optional.empty()), "ept");
        assertTrue(keys.contains("constant added FROZEN_SPTE"), keys.toString());
        assertTrue(keys.contains("constant removed REMOVED_SPTE"), keys.toString());
        assertTrue(keys.contains("function changed is_removed_spte"), keys.toString());
    }

    @Test
    void aRenamedFunctionIsRecognisedByItsResults() {
        Spec renamed = edit(KvmX86_6_10.SPEC, s -> s.rename("is_large_pte", "is_huge_pte"));
        assertEquals(List.of("function renamed is_large_pte -> is_huge_pte"),
                keys(SpecDiffer.diff(KvmX86_6_10.SPEC, renamed, Optional.empty()), "shadow"));
    }

    @Test
    void theReverseDiffUndoesThePatch() {
        SpecDiff d = SpecDiffer.diff(KvmX86_6_10.SPEC, KvmX86_5_13.SPEC, Optional.of("ept"));
        assertEquals("profile removed ept-ve", d.specChanges().get(0).section().label() + " "
                + d.specChanges().get(0).kind().label() + " " + d.specChanges().get(0).name());
        Change removed = d.profiles().get(0).changes().stream().filter(c -> c.name().equals("REMOVED_SPTE"))
                .findFirst().orElseThrow();
        assertEquals(new Delta("value", "0x80000000000005a0", "0x5a0"), removed.deltas().get(0));
        assertEquals("loses bit 63", removed.summary());
        assertTrue(keys(d, "ept").contains("function removed is_ept_ve_possible"));
    }

    @Test
    void aNewArgumentIsComparedAtItsNeutralValue() {
        SpecDiff d = SpecDiffer.diff(KvmX86_6_10.SPEC, dev.sptegen.kvm.KvmX86_6_13.SPEC, Optional.empty());
        // Without A/D bits, 6.13 sets Accessed as software state: a change even when not synchronizing.
        Change noad = makeSpte(d, "ept-noad");
        assertTrue(noad.deltas().contains(new Delta("argument synchronizing", "", "bool")), noad.toString());
        assertEquals("meaning changed (compared with synchronizing=false)", noad.summary());
        // NPT always has A/D bits: with synchronizing=false, make_spte computes what it did before.
        Change npt = makeSpte(d, "npt");
        assertEquals("signature changed", npt.summary());
        assertTrue(npt.example().isEmpty());
    }

    private static Change makeSpte(SpecDiff d, String profile) {
        return d.profiles().stream().filter(p -> p.profile().equals(profile)).findFirst().orElseThrow().changes()
                .stream().filter(c -> c.name().equals("make_spte")).findFirst().orElseThrow();
    }

    @Test
    void answersQuickly() {
        long start = System.nanoTime();
        SpecDiffer.diff(KvmX86_5_13.SPEC, KvmX86_7_2.SPEC, Optional.empty());
        long ms = (System.nanoTime() - start) / 1_000_000;
        // The whole-history diff is the largest; a loose bound, as CPUs are shared while building.
        assertTrue(ms < 5_000, "kvm-5.13 -> kvm-7.2 took " + ms + " ms");
    }
}
