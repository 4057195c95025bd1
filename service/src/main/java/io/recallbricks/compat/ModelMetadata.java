package io.recallbricks.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes what a chat model said about a text, field by field, where it has the promised type and bounds, and keeps
 * the local value for every other field: a model's answer can improve the metadata but never break it.
 */
final class ModelMetadata {

    private ModelMetadata() {
    }

    static LearnedMetadata refine(LearnedMetadata local, Map<String, Object> answer, String model) {
        List<String> tags = strings(answer.get("tags"), LocalMetadataExtractor.MAX_TAGS, true);
        String category = text(answer.get("category"), 100);
        List<String> entities = strings(answer.get("entities"), LocalMetadataExtractor.MAX_ENTITIES, false);
        Double importance = answer.get("importance") instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1
                ? Math.round(n.doubleValue() * 100) / 100.0 : null;
        String summary = text(answer.get("summary"), Integer.MAX_VALUE);
        boolean used = tags != null || category != null || entities != null || importance != null || summary != null;
        return new LearnedMetadata(
                tags != null ? tags : local.tags(),
                category != null ? category.toLowerCase(Locale.ROOT) : local.category(),
                entities != null ? entities : local.entities(),
                importance != null ? importance : local.importance(),
                summary != null ? shorten(summary) : local.summary(),
                used ? "model:" + model : local.extractedBy());
    }

    private static List<String> strings(Object value, int max, boolean lowercase) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            String text = text(item, 100);
            if (text == null) {
                return null;
            }
            String normalised = lowercase ? text.toLowerCase(Locale.ROOT) : text;
            if (!strings.contains(normalised) && strings.size() < max) {
                strings.add(normalised);
            }
        }
        return List.copyOf(strings);
    }

    private static String text(Object value, int maxLength) {
        return value instanceof String s && !s.isBlank() && s.strip().length() <= maxLength ? s.strip() : null;
    }

    private static String shorten(String summary) {
        int max = LocalMetadataExtractor.MAX_SUMMARY;
        return summary.length() <= max ? summary : summary.substring(0, max - 3).stripTrailing() + "...";
    }
}
