package io.recallbricks.observability;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.ToDoubleFunction;

/**
 * Gauges the alert rules and the load suite read that the standard binders do not provide under these names:
 * the pool's {@code db_connections_active/idle/max}, and the process's resident memory (the JVM reports only its
 * own heaps, which is not what the operating system counts against a memory limit).
 */
@Context
public class ResourceMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceMetrics.class);
    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    public ResourceMetrics(MeterRegistry registry, DataSource dataSource) {
        HikariDataSource pool = hikari(dataSource);
        if (pool != null) {
            gauge(registry, "db.connections.active", "Connections in use", pool, p -> mxBean(p).getActiveConnections());
            gauge(registry, "db.connections.idle", "Connections idle in the pool", pool, p -> mxBean(p).getIdleConnections());
            gauge(registry, "db.connections.max", "Pool capacity", pool, HikariDataSource::getMaximumPoolSize);
        }
        if (Files.isReadable(PROC_STATUS)) {
            Gauge.builder("process.resident.memory", ResourceMetrics::residentBytes)
                    .description("Resident set size of the process")
                    .baseUnit("bytes")
                    .register(registry);
        }
    }

    private static <T> void gauge(MeterRegistry registry, String name, String description, T target,
                                  ToDoubleFunction<T> value) {
        Gauge.builder(name, target, value).description(description).register(registry);
    }

    private static HikariPoolMXBean mxBean(HikariDataSource pool) {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean == null) {
            throw new IllegalStateException("pool not started");
        }
        return bean;
    }

    private static HikariDataSource hikari(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            LOG.warn("Pool metrics unavailable: {}", e.getMessage());
            return null;
        }
    }

    static double residentBytes() {
        try {
            for (String line : Files.readAllLines(PROC_STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
