package dev.sptegen.gen.c.selftests;

import dev.sptegen.dsl.check.CheckedSpec;
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
        out.put("spte_layout_test.c", Templates.render("selftests/spte_layout_test.ftl", LayoutTestBuilder.build(checked.spec())));
        out.put("guest_pte_access_test.c",
                Templates.render("selftests/guest_pte_access_test.ftl", GuestPteBuilder.build(checked.spec())));
        out.put("mmio_spte_test.c", Templates.render("selftests/mmio_spte_test.ftl", MmioTestBuilder.build(checked.spec())));
        NestedEptBuilder.build(checked.spec()).ifPresent(m ->
                out.put("nested_ept_access_test.c", Templates.render("selftests/nested_ept_access_test.ftl", m)));
        return out;
    }
}
