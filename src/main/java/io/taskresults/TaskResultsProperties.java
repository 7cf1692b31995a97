package io.taskresults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code task-results.*}.
 *
 * @param home the directory that holds the generated PKI ({@code pki/}) and the bootstrap
 * keys ({@code keys/})
 * @param hostNames extra DNS names or IP addresses for the generated server certificate,
 * beside {@code localhost} and {@code 127.0.0.1}
 * @param retention results published longer ago than this are purged; null keeps them for
 * ever
 * @param purge how the background purger works
 * @param idempotencyKeyRetention how long an {@code Idempotency-Key} of a publish request
 * is remembered (the purger forgets it within one purge interval after that)
 */
@ConfigurationProperties("task-results")
public record TaskResultsProperties(@DefaultValue("./data") Path home, @DefaultValue List<String> hostNames,
		Duration retention, @DefaultValue Purge purge, @DefaultValue("PT24H") Duration idempotencyKeyRetention) {

	/**
	 * @param interval pause between two purge runs
	 * @param batchSize results deleted per transaction, which bounds how long rows stay
	 * locked
	 */
	public record Purge(@DefaultValue("PT1M") Duration interval, @DefaultValue("500") int batchSize) {
	}

	public Path pkiDirectory() {
		return this.home.resolve("pki");
	}

	public Path keysDirectory() {
		return this.home.resolve("keys");
	}

}
