package io.recallbricks.chaos.embeddings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

/** Bodies in exactly the shapes OpenAI's API answers with: the embeddings list and the error object. */
final class OpenAiJson {

    // The fast (Schubfach) float writer: formatting 1536 floats with Float.toString would cost most of a request.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private OpenAiJson() {
    }

    /**
     * {@code {"object":"list","data":[{"object":"embedding","index":i,"embedding":[...]}],"model":..,
     * "usage":{"prompt_tokens":n,"total_tokens":n}}}, streamed (a 1536-wide vector is about 15 kB of JSON).
     */
    static byte[] embeddings(String model, List<float[]> vectors, boolean base64, int promptTokens) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(vectors.size() * vectors.get(0).length * 11 + 200);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("object", "list");
            json.writeArrayFieldStart("data");
            for (int i = 0; i < vectors.size(); i++) {
                json.writeStartObject();
                json.writeStringField("object", "embedding");
                json.writeNumberField("index", i);
                json.writeFieldName("embedding");
                if (base64) {
                    json.writeString(toBase64(vectors.get(i)));
                } else {
                    json.writeStartArray();
                    for (float v : vectors.get(i)) {
                        json.writeNumber(v);
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("model", model);
            json.writeObjectFieldStart("usage");
            json.writeNumberField("prompt_tokens", promptTokens);
            json.writeNumberField("total_tokens", promptTokens);
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen when writing to memory
        }
        return out.toByteArray();
    }

    /** {@code {"error":{"message":..,"type":..,"param":..,"code":..}}}; {@code param} and {@code code} may be null. */
    static byte[] error(String message, String type, String param, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("error");
            json.writeStringField("message", message);
            json.writeStringField("type", type);
            json.writeStringField("param", param);
            json.writeStringField("code", code);
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** OpenAI's rule of thumb (about four characters a token), so usage grows with the input like the real one. */
    static int estimateTokens(List<String> inputs) {
        int tokens = 0;
        for (String input : inputs) {
            tokens += Math.max(1, (input.length() + 3) / 4);
        }
        return tokens;
    }

    private static String toBase64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            bytes.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
