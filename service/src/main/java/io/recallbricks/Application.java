package io.recallbricks;

import io.micronaut.context.env.MapPropertySource;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.recallbricks.config.EnvironmentConfig;
import io.recallbricks.config.InvalidConfigurationException;

import java.util.Map;

@OpenAPIDefinition(info = @Info(title = "recallbricks", version = "2.0.0",
        description = "RecallBricks memory service: the RecallBricks v2 API, compatible with its official SDKs. "
                + "Errors share one body: {\"error\":{\"code\",\"message\",\"requestId\"}}."))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--config-help")) {
            System.out.print(EnvironmentConfig.describe());
            return;
        }
        Map<String, Object> properties;
        try {
            properties = EnvironmentConfig.properties(System.getenv());
        } catch (InvalidConfigurationException e) {
            System.err.println("recallbricks: invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        // logback.xml picks its appender from this property; it is read when the first logger is created, below.
        System.setProperty("recallbricks.log.format", String.valueOf(properties.get("recallbricks.logging.format")));
        Micronaut.build(args)
                .mainClass(Application.class)
                .propertySources(MapPropertySource.of("environment-config", properties))
                .start();
    }
}
