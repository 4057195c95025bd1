package io.recallbricks.chaos.embeddings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code POST /v1/embeddings} body, validated the way OpenAI validates it (the checks a client can trip over),
 * with OpenAI's limits: at most 2048 inputs, no empty strings, {@code dimensions} between 1 and the model's size.
 *
 * @param model          the model name, echoed back
 * @param inputs         the texts, in request order
 * @param dimensions     the vector size to return
 * @param base64         {@code encoding_format: "base64"} (little-endian float32, as OpenAI sends it)
 */
record EmbeddingsRequest(String model, List<String> inputs, int dimensions, boolean base64) {

    static final int MAX_INPUTS = 2048;
    static final int MAX_INPUT_TOKENS = 8192;
    static final String LARGE_MODEL = "text-embedding-3-large";
    static final int DEFAULT_DIMENSIONS = 1536;
    static final int LARGE_DIMENSIONS = 3072;

    /** Bad input, with the request field it concerns, answered 400 in OpenAI's error shape. */
    static final class InvalidRequestException extends Exception {
        private final String param;

        InvalidRequestException(String message, String param) {
            super(message, null, false, false);
            this.param = param;
        }

        String param() {
            return param;
        }
    }

    static EmbeddingsRequest parse(byte[] body, ObjectMapper json) throws InvalidRequestException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("We could not parse the JSON body of your request: "
                    + e.getOriginalMessage(), null);
        } catch (java.io.IOException e) {
            throw new InvalidRequestException("We could not read the body of your request.", null);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException("The request body must be a JSON object.", null);
        }
        String model = requireModel(root.get("model"));
        List<String> inputs = requireInputs(root.get("input"));
        // text-embedding-3-large is 3072 wide; every other model name gets text-embedding-3-small's 1536.
        int maxDimensions = LARGE_MODEL.equals(model) ? LARGE_DIMENSIONS : DEFAULT_DIMENSIONS;
        int dimensions = dimensions(root.get("dimensions"), maxDimensions);
        boolean base64 = base64(root.get("encoding_format"));
        return new EmbeddingsRequest(model, inputs, dimensions, base64);
    }

    private static String requireModel(JsonNode model) throws InvalidRequestException {
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw new InvalidRequestException("'model' is a required property and must be a non-empty string.",
                    "model");
        }
        return model.asText();
    }

    private static List<String> requireInputs(JsonNode input) throws InvalidRequestException {
        if (input == null || input.isNull()) {
            throw new InvalidRequestException("'input' is a required property.", "input");
        }
        List<String> texts = new ArrayList<>();
        if (input.isTextual()) {
            texts.add(input.asText());
        } else if (input.isArray()) {
            for (JsonNode item : input) {
                if (!item.isTextual()) {
                    throw new InvalidRequestException("'input' must be a string or an array of strings"
                            + " (token arrays are not supported by this fake).", "input");
                }
                texts.add(item.asText());
            }
        } else {
            throw new InvalidRequestException("'input' must be a string or an array of strings.", "input");
        }
        if (texts.isEmpty()) {
            throw new InvalidRequestException("'input' must not be an empty array.", "input");
        }
        if (texts.size() > MAX_INPUTS) {
            throw new InvalidRequestException("'input' has " + texts.size() + " items; at most " + MAX_INPUTS
                    + " are allowed.", "input");
        }
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).isEmpty()) {
                throw new InvalidRequestException("'input' item " + i + " is an empty string.", "input");
            }
            // OpenAI refuses an input longer than the model's context (8,192 tokens) with a 400; tokens are
            // approximated here as four characters each.
            long tokens = (texts.get(i).length() + 3L) / 4;
            if (tokens > MAX_INPUT_TOKENS) {
                throw new InvalidRequestException("This model's maximum context length is " + MAX_INPUT_TOKENS
                        + " tokens, however you requested " + tokens + " tokens (input item " + i + ").", "input");
            }
        }
        return texts;
    }

    private static int dimensions(JsonNode dimensions, int max) throws InvalidRequestException {
        if (dimensions == null || dimensions.isNull()) {
            return max; // a model's full size is its default, as with OpenAI
        }
        if (!dimensions.canConvertToInt() || !dimensions.isIntegralNumber()
                || dimensions.asInt() < 1 || dimensions.asInt() > max) {
            throw new InvalidRequestException("'dimensions' must be an integer between 1 and " + max + ".",
                    "dimensions");
        }
        return dimensions.asInt();
    }

    private static boolean base64(JsonNode format) throws InvalidRequestException {
        if (format == null || format.isNull() || "float".equals(format.asText())) {
            return false;
        }
        if ("base64".equals(format.asText())) {
            return true;
        }
        throw new InvalidRequestException("'encoding_format' must be 'float' or 'base64'.", "encoding_format");
    }
}
