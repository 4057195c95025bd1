package io.recallbricks.bench.standins;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.recallbricks.config.EnvironmentConfig;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * A settings record of the service ({@code @ConfigurationProperties} on a record), filled the way the service fills
 * it: from environment variables through {@link EnvironmentConfig}, with its documented defaults. Built by the
 * record's components rather than by calling its constructor, so the benchmarks keep compiling and keep the
 * service's defaults when a setting is added.
 */
public final class ServiceSettings {

    /** EnvironmentConfig requires a database; nothing built here connects to it. */
    private static final Map<String, String> REQUIRED = Map.of("DATABASE_URL", "postgresql://bench:unused@127.0.0.1:9/unused");

    private ServiceSettings() {
    }

    public static <R extends Record> R from(Class<R> type, Map<String, String> environment) {
        ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type.getName() + " is not a @ConfigurationProperties record");
        }
        Map<String, String> env = new HashMap<>(REQUIRED);
        env.putAll(environment);
        Map<String, Object> properties = EnvironmentConfig.properties(env);
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String key = annotation.value() + "." + kebab(components[i].getName());
            Object value = properties.get(key);
            if (value == null && components[i].getType().isPrimitive()) {
                throw new IllegalStateException(key + " has no value in EnvironmentConfig's defaults");
            }
            types[i] = components[i].getType();
            values[i] = value == null ? null : convert(String.valueOf(value), types[i], key);
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    private static Object convert(String value, Class<?> type, String key) {
        if (type == String.class) {
            return value;
        } else if (type == int.class || type == Integer.class) {
            return Integer.valueOf(value);
        } else if (type == long.class || type == Long.class) {
            return Long.valueOf(value);
        } else if (type == double.class || type == Double.class) {
            return Double.valueOf(value);
        } else if (type == boolean.class || type == Boolean.class) {
            return Boolean.valueOf(value);
        }
        throw new IllegalStateException(key + ": settings of type " + type.getName() + " are not supported here");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
