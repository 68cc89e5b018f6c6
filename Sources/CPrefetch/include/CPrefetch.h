#ifndef SEGUE_CPREFETCH_H
#define SEGUE_CPREFETCH_H

/// Asks the CPU to start loading the cache line at `address` for reading (no effect on
/// correctness). Swift has no prefetch intrinsic; the ALS row solver uses this to overlap the
/// cache misses of the item rows it gathers.
static inline void segue_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
