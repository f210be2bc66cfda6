/* The workloads over the generated header's helpers, for profiles ept and npt. */
#include "sptegen_kvm_6_11.h"
#include "work.h"

#define H(name) ept_##name
#define W(name) gen_ept_##name
#include "workloads.inc"
#undef H
#undef W

#define H(name) npt_##name
#define W(name) gen_npt_##name
#include "workloads.inc"
