#if canImport(Glibc)
    import Glibc
#endif

/// Memory for large read-mostly tables, backed by huge pages where the system allows it.
///
/// The segmenter's trie is looked up at random; on 4 KiB pages nearly every lookup also misses the
/// TLB. Asking for transparent huge pages (`MADV_HUGEPAGE`) removes most of those misses.
enum HugePages {
    static let pageSize = 2 << 20

    /// Allocates `byteCount` bytes aligned to 64, zero-filled.
    static func allocate(byteCount: Int) -> UnsafeMutableRawPointer {
        #if os(Linux)
            let size = max(pageSize, (byteCount + pageSize - 1) / pageSize * pageSize)
            let mapped = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            if let mapped, mapped != MAP_FAILED {
                _ = madvise(mapped, size, 14)  // MADV_HUGEPAGE
                return mapped
            }
        #endif
        let fallback = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: 64)
        fallback.initializeMemory(as: UInt8.self, repeating: 0, count: max(byteCount, 1))
        return fallback
    }

    /// Frees memory from `allocate(byteCount:)`.
    static func deallocate(_ pointer: UnsafeMutableRawPointer, byteCount: Int) {
        #if os(Linux)
            let size = max(pageSize, (byteCount + pageSize - 1) / pageSize * pageSize)
            _ = munmap(pointer, size)
        #else
            pointer.deallocate()
        #endif
    }
}
