package dev.sptegen.gen.c.selftests;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.gen.text.Templates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The KVM selftests generated for one spec, by file name. */
public final class Selftests {
    /** The test programs, in the order they are installed and run. */
    public static final List<String> NAMES = List.of("spte_layout_test", "guest_pte_access_test", "mmio_spte_test",
            "nested_ept_access_test");

    private Selftests() {
    }

    public static Map<String, String> files(CheckedSpec checked) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("spte_layout_test.c", Templates.render("selftests/spte_layout_test.ftl", LayoutTestBuilder.build(checked)));
        List<String> missing = missing(checked.spec());
        if (!missing.isEmpty()) {
            // A spec that is not shaped like KVM's gets the test of its own helpers only.
            out.put("SELFTESTS-NOT-GENERATED.txt", "guest_pte_access_test, mmio_spte_test and nested_ept_access_test need "
                    + "these elements in every layout of the spec, which " + checked.name() + " lacks: "
                    + String.join(", ", missing) + "\n");
            return out;
        }
        out.put("guest_pte_access_test.c",
                Templates.render("selftests/guest_pte_access_test.ftl", GuestPteBuilder.build(checked)));
        out.put("mmio_spte_test.c", Templates.render("selftests/mmio_spte_test.ftl", MmioTestBuilder.build(checked)));
        NestedEptBuilder.build(checked).ifPresent(m ->
                out.put("nested_ept_access_test.c", Templates.render("selftests/nested_ept_access_test.ftl", m)));
        return out;
    }

    /** The names the KVM-side tests take their expectations from. */
    private static final List<String> NEEDED = List.of("guest_walk_fault", "guest_walk_error_code", "guest_walk_pde_after",
            "guest_walk_pte_after", "hw_access", "MMIO_SPTE_GEN_MASK", "PT_PRESENT_MASK", "PT_WRITABLE_MASK",
            "PT_USER_MASK", "PT_ACCESSED_MASK", "PT_DIRTY_MASK", "PT_PAGE_SIZE_MASK");

    private static List<String> missing(Spec spec) {
        return NEEDED.stream()
                .filter(name -> spec.layouts().values().stream().anyMatch(l -> l.element(name).isEmpty()))
                .toList();
    }
}
