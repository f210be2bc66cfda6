package dev.sptegen.gen.c.selftests;

import java.util.List;

/**
 * What {@code selftests/mmio_spte_test.ftl} prints.
 *
 * @param genBits width of the MMIO generation an MMIO SPTE holds (popcount of MMIO_SPTE_GEN_MASK)
 * @param steps the step table, as lines
 */
public record MmioTestModel(String spec, String header, String genMaskMacro, int genBits, List<String> steps) {

    public MmioTestModel {
        steps = List.copyOf(steps);
    }
}
