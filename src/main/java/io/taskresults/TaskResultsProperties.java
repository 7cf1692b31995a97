package io.taskresults;

import java.nio.file.Path;
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
 */
@ConfigurationProperties("task-results")
public record TaskResultsProperties(@DefaultValue("./data") Path home, @DefaultValue List<String> hostNames) {

	public Path pkiDirectory() {
		return this.home.resolve("pki");
	}

	public Path keysDirectory() {
		return this.home.resolve("keys");
	}

}
