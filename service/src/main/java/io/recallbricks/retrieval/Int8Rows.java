package io.recallbricks.retrieval;

import org.apache.lucene.util.VectorUtil;

/**
 * Unit vectors kept in 8 bits per dimension: row {@code r} is {@code codes[r][i] × scales[r]}, where the scale is the
 * row's largest |component| / 127. A quarter of the memory of float32 rows (1,536 dims: 1.5 KB instead of 6 KB);
 * the cosine it gives is within about 1e-3 of the float32 one for embedding-like vectors, which the re-rank and the
 * recall measurement (perf-jmh {@code AnnRankingBenchmark}) account for. Per-row scales rather than one global scale:
 * the components of a 1,536-dim unit vector are around ±0.03, so a global scale would leave them a handful of levels.
 * Immutable once built; any dimension.
 */
final class Int8Rows {

    private Int8Rows() {
    }

    /** Quantises {@code matrix[offset, offset + dimensions)}, which must already be unit length; returns the scale. */
    static float quantize(float[] matrix, int offset, int dimensions, byte[] target) {
        float max = 0;
        for (int i = 0; i < dimensions; i++) {
            max = Math.max(max, Math.abs(matrix[offset + i]));
        }
        if (max == 0) {
            return 0;
        }
        float inverse = 127f / max;
        for (int i = 0; i < dimensions; i++) {
            target[i] = (byte) Math.round(matrix[offset + i] * inverse);
        }
        return max / 127f;
    }

    /** Approximate cosine of two quantised unit rows (integer dot product; Lucene vectorises it where the JDK allows). */
    static float dot(byte[] a, float scaleA, byte[] b, float scaleB) {
        return VectorUtil.dotProduct(a, b) * scaleA * scaleB;
    }

    /** Cosine of a full-precision unit {@code query} with a quantised row: only the row's rounding error remains. */
    static float dot(float[] query, byte[] codes, float scale) {
        float a = 0, b = 0, c = 0, d = 0;
        int n = query.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            a += query[i] * codes[i];
            b += query[i + 1] * codes[i + 1];
            c += query[i + 2] * codes[i + 2];
            d += query[i + 3] * codes[i + 3];
        }
        for (; i < n; i++) {
            a += query[i] * codes[i];
        }
        return (a + b + c + d) * scale;
    }

    /** The row back as floats (for background work that compares rows pairwise). */
    static float[] decode(byte[] codes, float scale) {
        float[] row = new float[codes.length];
        for (int i = 0; i < codes.length; i++) {
            row[i] = codes[i] * scale;
        }
        return row;
    }
}
