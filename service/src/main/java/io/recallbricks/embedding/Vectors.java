package io.recallbricks.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Embedding vectors as the database stores them (little-endian float32 bytes) and the arithmetic ranking needs. */
public final class Vectors {

    private Vectors() {
    }

    public static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    /** Reads {@code bytes} into {@code target} from {@code offset}; returns the number of floats read. */
    public static int readInto(byte[] bytes, float[] target, int offset) {
        int n = bytes.length / Float.BYTES;
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(target, offset, n);
        return n;
    }

    public static float[] fromBytes(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        readInto(bytes, vector, 0);
        return vector;
    }

    /** Scales {@code vector[offset, offset+length)} to unit length in place, so a dot product is the cosine. */
    public static void normalize(float[] vector, int offset, int length) {
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += (double) vector[i] * vector[i];
        }
        if (sum == 0) {
            return;
        }
        float scale = (float) (1.0 / Math.sqrt(sum));
        for (int i = offset; i < offset + length; i++) {
            vector[i] *= scale;
        }
    }

    public static float[] normalized(float[] vector) {
        float[] copy = vector.clone();
        normalize(copy, 0, copy.length);
        return copy;
    }

    /** Dot product of {@code query} with the row of {@code matrix} starting at {@code offset}. */
    public static float dot(float[] query, float[] matrix, int offset) {
        float a = 0, b = 0, c = 0, d = 0;
        int n = query.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            a += query[i] * matrix[offset + i];
            b += query[i + 1] * matrix[offset + i + 1];
            c += query[i + 2] * matrix[offset + i + 2];
            d += query[i + 3] * matrix[offset + i + 3];
        }
        for (; i < n; i++) {
            a += query[i] * matrix[offset + i];
        }
        return a + b + c + d;
    }
}
