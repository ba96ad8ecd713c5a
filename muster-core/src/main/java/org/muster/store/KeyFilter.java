package org.muster.store;

/**
 * A Bloom filter of strings in a fixed number of bits: {@link #mightContain} false is certain (the key was never
 * added), true means "maybe" and the caller asks the database. Memory is the bit array, whatever the number of
 * keys; more keys only make "maybe" more frequent.
 */
final class KeyFilter {

    /** Bit positions per key: near the optimum for the 8–16 bits per key the importer's filters get. */
    private static final int HASHES = 5;

    private final long[] words;
    private final long mask;

    /** @param log2Bits the filter holds 2^log2Bits bits (2^log2Bits / 8 bytes) */
    KeyFilter(int log2Bits) {
        if (log2Bits < 6 || log2Bits > 34) throw new IllegalArgumentException("log2Bits must be 6..34: " + log2Bits);
        this.words = new long[1 << (log2Bits - 6)];
        this.mask = (1L << log2Bits) - 1;
    }

    void add(String key) {
        long h1 = hash(key);
        long h2 = mix(h1 ^ 0x9E3779B97F4A7C15L) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            words[(int) (bit >>> 6)] |= 1L << bit;
        }
    }

    boolean mightContain(String key) {
        long h1 = hash(key);
        long h2 = mix(h1 ^ 0x9E3779B97F4A7C15L) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) return false;
        }
        return true;
    }

    long bytes() {
        return words.length * 8L;
    }

    /** FNV-1a over the chars, then a finaliser so every bit depends on every char. */
    private static long hash(String key) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93FE1A85EC3L;
        h ^= h >>> 33;
        return h;
    }
}
