package io.taskresults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How operator settings bind, including the empty values that application.properties
 * passes when an environment variable such as TASK_RESULTS_RETENTION is unset.
 */
class TaskResultsPropertiesTests {

	@Test
	void defaultsToNoRetentionAMinuteBetweenPurgesAndADayOfIdempotencyKeys() {
		TaskResultsProperties properties = bind(Map.of("task-results.retention", "", "task-results.host-names", ""));

		assertThat(properties.home().normalize()).isEqualTo(Path.of("data"));
		assertThat(properties.hostNames()).isEmpty();
		assertThat(properties.retention()).isNull();
		assertThat(properties.purge().interval()).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.purge().batchSize()).isEqualTo(500);
		assertThat(properties.idempotencyKeyRetention()).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void bindsIsoDurationsAndCommaSeparatedHostNames() {
		TaskResultsProperties properties = bind(Map.of("task-results.retention", "P90D", "task-results.host-names",
				"results.example.org,10.0.0.5", "task-results.home", "/srv/task-results"));

		assertThat(properties.retention()).isEqualTo(Duration.ofDays(90));
		assertThat(properties.hostNames()).isEqualTo(List.of("results.example.org", "10.0.0.5"));
		assertThat(properties.pkiDirectory()).isEqualTo(Path.of("/srv/task-results/pki"));
	}

	private static TaskResultsProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("task-results",
				TaskResultsProperties.class);
	}

}
