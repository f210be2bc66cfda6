/*
 * The hand-written C baseline: the kvm-6.11 SPTE helpers in the kernel's style, with the fixed layout
 * as #defines and the vendor/host-dependent masks in globals set once at start-up (the kernel's
 * __read_mostly / __ro_after_init variables). The globals are defined and set in kstyle_init.c, a
 * separate translation unit, so gcc cannot fold them, exactly as in the kernel. Written from the SPTE
 * facts reference (kvm-spte-facts.md 1.2, 1.3, 2.1, 2.2, 2.7, 4), like KernelStyleSpte.java.
 */
#ifndef BENCH_KSTYLE_H
#define BENCH_KSTYLE_H

#include <linux/bits.h>
#include <linux/types.h>

#define K_PAGE_SHIFT 12
#define K_PT_WRITABLE_MASK BIT_ULL(1)
#define K_PT_PAGE_SIZE_MASK BIT_ULL(7)
#define K_ACC_EXEC_MASK 1ULL
#define K_ACC_WRITE_MASK K_PT_WRITABLE_MASK
#define K_ACC_USER_MASK BIT_ULL(2)
#define K_SPTE_MMU_PRESENT_MASK BIT_ULL(11)
#define K_SPTE_TDP_AD_SHIFT 52
#define K_SPTE_TDP_AD_MASK (3ULL << K_SPTE_TDP_AD_SHIFT)
#define K_SPTE_TDP_AD_DISABLED (1ULL << K_SPTE_TDP_AD_SHIFT)
#define K_SPTE_TDP_AD_WRPROT_ONLY (2ULL << K_SPTE_TDP_AD_SHIFT)
#define K_SPTE_EPT_READABLE_MASK 1ULL
#define K_SPTE_EPT_EXECUTABLE_MASK BIT_ULL(2)
#define K_SHADOW_ACC_TRACK_SAVED_BITS_MASK (K_SPTE_EPT_READABLE_MASK | K_SPTE_EPT_EXECUTABLE_MASK)
#define K_SHADOW_ACC_TRACK_SAVED_BITS_SHIFT 54
#define K_SHADOW_ACC_TRACK_SAVED_MASK (K_SHADOW_ACC_TRACK_SAVED_BITS_MASK << K_SHADOW_ACC_TRACK_SAVED_BITS_SHIFT)
#define K_SHADOW_NONPRESENT_VALUE BIT_ULL(63)
#define K_FROZEN_SPTE (K_SHADOW_NONPRESENT_VALUE | 0x5a0ULL)
#define K_SHADOW_NONPRESENT_OR_RSVD_MASK_LEN 5
#define K_MMIO_SPTE_GEN_LOW_START 3
#define K_MMIO_SPTE_GEN_LOW_END 10
#define K_MMIO_SPTE_GEN_HIGH_START 52
#define K_MMIO_SPTE_GEN_HIGH_END 62
#define K_MMIO_SPTE_GEN_LOW_MASK GENMASK_ULL(K_MMIO_SPTE_GEN_LOW_END, K_MMIO_SPTE_GEN_LOW_START)
#define K_MMIO_SPTE_GEN_HIGH_MASK GENMASK_ULL(K_MMIO_SPTE_GEN_HIGH_END, K_MMIO_SPTE_GEN_HIGH_START)
#define K_MMIO_SPTE_GEN_LOW_BITS (K_MMIO_SPTE_GEN_LOW_END - K_MMIO_SPTE_GEN_LOW_START + 1)
#define K_MMIO_SPTE_GEN_LOW_SHIFT K_MMIO_SPTE_GEN_LOW_START
#define K_MMIO_SPTE_GEN_HIGH_SHIFT (K_MMIO_SPTE_GEN_HIGH_START - K_MMIO_SPTE_GEN_LOW_BITS)
#define K_VMX_EPT_IPAT_BIT BIT_ULL(6)
#define K_VMX_EPT_MT_EPTE_SHIFT 3
#define K_MTRR_TYPE_UNCACHABLE 0ULL
#define K_MTRR_TYPE_WRBACK 6ULL

/* __read_mostly / __ro_after_init globals (kstyle_init.c). */
extern u64 physical_mask;
extern u64 shadow_present_mask;
extern u64 shadow_user_mask;
extern u64 shadow_accessed_mask;
extern u64 shadow_dirty_mask;
extern u64 shadow_nx_mask;
extern u64 shadow_x_mask;
extern u64 shadow_memtype_mask;
extern u64 shadow_acc_track_mask;
extern u64 shadow_host_writable_mask;
extern u64 shadow_mmu_writable_mask;
extern u64 shadow_me_value;
extern u64 shadow_me_mask;
extern u64 shadow_mmio_value;
extern u64 shadow_mmio_mask;
extern u64 shadow_mmio_access_mask;
extern u64 shadow_nonpresent_or_rsvd_mask;
extern u64 shadow_nonpresent_or_rsvd_lower_gfn_mask;
extern bool enable_mmio_caching;
extern bool is_nx_huge_page_enabled;
extern bool vmx_ignore_guest_pat;
/* kvm->arch.shadow_mmio_value of the one VM. */
extern u64 kvm_shadow_mmio_value;

int kstyle_init(const char *profile);

#define K_SPTE_BASE_ADDR_MASK (physical_mask & ~((1ULL << K_PAGE_SHIFT) - 1))

static inline bool k_is_shadow_present_pte(u64 spte)
{
	return !!(spte & K_SPTE_MMU_PRESENT_MASK);
}

static inline bool k_is_mmio_spte(u64 spte)
{
	return (spte & shadow_mmio_mask) == kvm_shadow_mmio_value && enable_mmio_caching;
}

static inline bool k_is_frozen_spte(u64 spte)
{
	return spte == K_FROZEN_SPTE;
}

static inline bool k_spte_ad_enabled(u64 spte)
{
	return (spte & K_SPTE_TDP_AD_MASK) != K_SPTE_TDP_AD_DISABLED;
}

static inline bool k_is_access_track_spte(u64 spte)
{
	return !k_spte_ad_enabled(spte) && (spte & shadow_acc_track_mask) == 0;
}

static inline u64 k_spte_to_pfn(u64 spte)
{
	return (spte & K_SPTE_BASE_ADDR_MASK) >> K_PAGE_SHIFT;
}

static inline u64 k_get_mmio_spte_generation(u64 spte)
{
	u64 gen;

	gen = (spte & K_MMIO_SPTE_GEN_LOW_MASK) >> K_MMIO_SPTE_GEN_LOW_SHIFT;
	gen |= (spte & K_MMIO_SPTE_GEN_HIGH_MASK) >> K_MMIO_SPTE_GEN_HIGH_SHIFT;
	return gen;
}

static inline u64 k_generation_mmio_spte_mask(u64 gen)
{
	u64 mask;

	mask = (gen << K_MMIO_SPTE_GEN_LOW_SHIFT) & K_MMIO_SPTE_GEN_LOW_MASK;
	mask |= (gen << K_MMIO_SPTE_GEN_HIGH_SHIFT) & K_MMIO_SPTE_GEN_HIGH_MASK;
	return mask;
}

static inline u64 k_make_mmio_spte(u64 gfn, u64 access, u64 gen)
{
	u64 spte = k_generation_mmio_spte_mask(gen);
	u64 gpa = gfn << K_PAGE_SHIFT;

	access &= shadow_mmio_access_mask;
	spte |= kvm_shadow_mmio_value | access;
	spte |= gpa | shadow_nonpresent_or_rsvd_mask;
	spte |= (gpa & shadow_nonpresent_or_rsvd_mask) << K_SHADOW_NONPRESENT_OR_RSVD_MASK_LEN;
	return spte;
}

static inline u64 k_make_nonleaf_spte(u64 child_pfn, bool ad_disabled)
{
	u64 spte = K_SPTE_MMU_PRESENT_MASK;

	spte |= (child_pfn << K_PAGE_SHIFT) | shadow_present_mask | K_PT_WRITABLE_MASK |
		shadow_user_mask | shadow_x_mask | shadow_me_value;
	if (ad_disabled)
		spte |= K_SPTE_TDP_AD_DISABLED;
	else
		spte |= shadow_accessed_mask;
	return spte;
}

static inline u64 k_spte_shadow_accessed_mask(u64 spte)
{
	return k_spte_ad_enabled(spte) ? shadow_accessed_mask : 0;
}

static inline u64 k_spte_shadow_dirty_mask(u64 spte)
{
	return k_spte_ad_enabled(spte) ? shadow_dirty_mask : 0;
}

/* vmx_get_mt_mask() for a VM without non-coherent DMA. */
static inline u64 k_vmx_get_mt_mask(bool host_mmio)
{
	if (host_mmio)
		return K_MTRR_TYPE_UNCACHABLE << K_VMX_EPT_MT_EPTE_SHIFT;
	return (K_MTRR_TYPE_WRBACK << K_VMX_EPT_MT_EPTE_SHIFT) | (vmx_ignore_guest_pat ? K_VMX_EPT_IPAT_BIT : 0);
}

static inline u64 k_mark_spte_for_access_track(u64 spte)
{
	if (k_spte_ad_enabled(spte))
		return spte & ~shadow_accessed_mask;
	if (k_is_access_track_spte(spte))
		return spte;
	spte |= (spte & K_SHADOW_ACC_TRACK_SAVED_BITS_MASK) << K_SHADOW_ACC_TRACK_SAVED_BITS_SHIFT;
	spte &= ~shadow_acc_track_mask;
	return spte;
}

static inline u64 k_restore_acc_track_spte(u64 spte)
{
	u64 saved_bits = (spte >> K_SHADOW_ACC_TRACK_SAVED_BITS_SHIFT) & K_SHADOW_ACC_TRACK_SAVED_BITS_MASK;

	spte &= ~shadow_acc_track_mask;
	spte &= ~K_SHADOW_ACC_TRACK_SAVED_MASK;
	spte |= saved_bits;
	return spte;
}

/* make_spte() reduced to its bit logic (no memslot, no unsync, no dirty log). */
static inline u64 k_make_spte(u64 pfn, u64 pte_access, u64 level, bool prefetch, bool host_writable,
			      bool wrprot, bool ad_disabled, bool wrprot_only, bool host_mmio)
{
	u64 spte = K_SPTE_MMU_PRESENT_MASK;

	if (ad_disabled)
		spte |= K_SPTE_TDP_AD_DISABLED;
	else if (wrprot_only)
		spte |= K_SPTE_TDP_AD_WRPROT_ONLY;
	spte |= shadow_present_mask;
	if (!prefetch)
		spte |= k_spte_shadow_accessed_mask(spte);
	if (level > 1 && (pte_access & K_ACC_EXEC_MASK) && is_nx_huge_page_enabled)
		pte_access &= ~K_ACC_EXEC_MASK;
	if (pte_access & K_ACC_EXEC_MASK)
		spte |= shadow_x_mask;
	else
		spte |= shadow_nx_mask;
	if (pte_access & K_ACC_USER_MASK)
		spte |= shadow_user_mask;
	if (level > 1)
		spte |= K_PT_PAGE_SIZE_MASK;
	if (shadow_memtype_mask)
		spte |= k_vmx_get_mt_mask(host_mmio);
	if (host_writable)
		spte |= shadow_host_writable_mask;
	else
		pte_access &= ~K_ACC_WRITE_MASK;
	if (shadow_me_value && !host_mmio)
		spte |= shadow_me_value;
	spte |= pfn << K_PAGE_SHIFT;
	if ((pte_access & K_ACC_WRITE_MASK) && !wrprot) {
		spte |= K_PT_WRITABLE_MASK | shadow_mmu_writable_mask;
		spte |= k_spte_shadow_dirty_mask(spte);
	}
	if (prefetch)
		spte = k_mark_spte_for_access_track(spte);
	return spte;
}

#endif
