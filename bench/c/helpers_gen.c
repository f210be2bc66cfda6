/*
 * Out-of-line copies of the generated helpers the workloads use, one function each, so objdump shows
 * what gcc -O2 makes of each helper alone (count_insns.sh).
 */
#include "sptegen_kvm_6_11.h"

#define HELPERS(p)                                                                                  \
	bool p##_h_is_shadow_present_pte(u64 s) { return p##_is_shadow_present_pte(s); }           \
	bool p##_h_is_mmio_spte(u64 s) { return p##_is_mmio_spte(s); }                             \
	bool p##_h_is_frozen_spte(u64 s) { return p##_is_frozen_spte(s); }                         \
	bool p##_h_spte_ad_enabled(u64 s) { return p##_spte_ad_enabled(s); }                       \
	bool p##_h_is_access_track_spte(u64 s) { return p##_is_access_track_spte(s); }             \
	u64 p##_h_spte_to_pfn(u64 s) { return p##_spte_to_pfn(s); }                                 \
	u64 p##_h_get_mmio_spte_generation(u64 s) { return p##_get_mmio_spte_generation(s); }       \
	u64 p##_h_make_mmio_spte(u64 gfn, u64 acc, u64 gen) { return p##_make_mmio_spte(gfn, acc, gen); } \
	u64 p##_h_make_nonleaf_spte(u64 pfn, bool ad) { return p##_make_nonleaf_spte(pfn, ad); }    \
	u64 p##_h_make_spte(u64 pfn, u64 acc, u64 level, bool prefetch, bool hw, bool wp, bool ad,  \
			    bool wpo, bool mmio)                                                    \
	{                                                                                           \
		return p##_make_spte(pfn, acc, level, prefetch, hw, wp, ad, wpo, mmio);             \
	}                                                                                           \
	u64 p##_h_mark_spte_for_access_track(u64 s) { return p##_mark_spte_for_access_track(s); }   \
	u64 p##_h_restore_acc_track_spte(u64 s) { return p##_restore_acc_track_spte(s); }

HELPERS(ept)
HELPERS(npt)
