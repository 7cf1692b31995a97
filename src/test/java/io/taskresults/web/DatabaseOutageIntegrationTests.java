package io.taskresults.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import io.taskresults.TaskResultsProperties;
import io.taskresults.apikey.ApiKeyService;
import io.taskresults.apikey.IssuedKey;
import io.taskresults.support.ApiClient;
import io.taskresults.support.TcpProxy;
import io.taskresults.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server with its database taken away mid-flight: requests answer 503 in the
 * envelope within seconds, and the server recovers when the database is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageIntegrationTests {

	private static TcpProxy proxy;

	@LocalServerPort
	private int port;

	@Autowired
	private ApiKeyService keys;

	@Autowired
	private TaskResultsProperties properties;

	@DynamicPropertySource
	static void databaseBehindAProxy(DynamicPropertyRegistry registry) throws Exception {
		TestDatabase.Connection database = TestDatabase.get();
		URI uri = URI.create(database.url().substring("jdbc:".length()));
		proxy = new TcpProxy(uri.getHost(), (uri.getPort() != -1) ? uri.getPort() : 5432);
		String proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + uri.getRawPath()
				+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		registry.add("spring.datasource.url", () -> proxied);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("task-results.home", () -> TestDatabase.home().toString());
	}

	@AfterAll
	static void closeTheProxy() throws Exception {
		proxy.close();
	}

	@Test
	void answers503WhileTheDatabaseIsDownAndRecoversAfterwards() throws Exception {
		IssuedKey key = this.keys.create("outage-analyst", "analyst", null);
		ApiClient client = ApiClient.withKey(key.pkcs12(), key.password(),
				this.properties.pkiDirectory().resolve("ca.crt"), this.port);
		assertThat(client.get("/api/tasks").status()).isEqualTo(200);

		proxy.cut();
		Instant start = Instant.now();
		ApiClient.Response during = client.get("/api/tasks");
		Duration waited = Duration.between(start, Instant.now());
		proxy.restore();

		assertThat(during.status()).isEqualTo(503);
		assertThat(during.contentType()).startsWith("application/json");
		assertThat(during.body()).isEqualTo(
				"{\"success\":false,\"error\":\"The database is unavailable or busy. Try again in a few seconds.\"}");
		assertThat(waited).isLessThan(Duration.ofSeconds(15));
		assertThat(eventuallyOk(client)).isTrue();
	}

	private static boolean eventuallyOk(ApiClient client) throws Exception {
		for (int attempt = 0; attempt < 20; attempt++) {
			if (client.get("/api/tasks").status() == 200) {
				return true;
			}
			Thread.sleep(500);
		}
		return false;
	}

}
