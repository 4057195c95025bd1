package io.recallbricks.bench.ranking;

/**
 * The in-run reference of the ranking benchmarks: the plainest correct top-k by cosine over unit-length rows (one
 * accumulator per dot product, an insertion-sorted array of the k best). It is not the service's code and never
 * pretends to be: it is the yardstick the service's ranking is divided by, so a change of machine or of load on
 * it cancels out of the ratio, while a slower service loop does not.
 */
public final class PlainTopK {

    private PlainTopK() {
    }

    /** Row indices of the {@code k} rows of {@code matrix} with the largest dot product with {@code unitQuery}. */
    public static int[] top(float[] unitQuery, float[] matrix, int rows, int k) {
        int dimensions = unitQuery.length;
        int[] best = new int[k];
        float[] scores = new float[k];
        int size = 0;
        for (int row = 0; row < rows; row++) {
            float dot = 0;
            int offset = row * dimensions;
            for (int i = 0; i < dimensions; i++) {
                dot += unitQuery[i] * matrix[offset + i];
            }
            if (size < k || dot > scores[size - 1]) {
                int at = size < k ? size++ : size - 1;
                while (at > 0 && scores[at - 1] < dot) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = dot;
                best[at] = row;
            }
        }
        return size == k ? best : java.util.Arrays.copyOf(best, size);
    }
}
