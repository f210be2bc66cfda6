package dev.sptegen.tools.trace;

/**
 * One kvmmmu event that carries SPTE information, as printed in the trace.
 *
 * @param line 1-based line number in the input
 * @param raw the whole line, quoted in findings
 * @param kind which tracepoint
 * @param gfn the guest frame the event names
 * @param level the paging level (1 = 4 KiB), 0 when the event prints none (mark_mmio_spte)
 * @param oldSpte the previous value (kvm_tdp_mmu_spte_changed only)
 * @param spte the new value (kvm_mmu_set_spte, kvm_tdp_mmu_spte_changed)
 * @param access printed access bits (mark_mmio_spte)
 * @param gen printed MMIO generation (mark_mmio_spte)
 */
public record TraceEvent(long line, String raw, Kind kind, long gfn, int level, long oldSpte, long spte, long access,
                         long gen) {

    /** The tracepoints the checker reads. */
    public enum Kind {
        SET_SPTE("kvm_mmu_set_spte"),
        SPTE_CHANGED("kvm_tdp_mmu_spte_changed"),
        MARK_MMIO("mark_mmio_spte");

        private final String tracepoint;

        Kind(String tracepoint) {
            this.tracepoint = tracepoint;
        }

        public String tracepoint() {
            return tracepoint;
        }
    }
}
