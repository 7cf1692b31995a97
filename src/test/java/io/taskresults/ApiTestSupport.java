package io.taskresults;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.taskresults.apikey.ApiKeyService;
import io.taskresults.apikey.IssuedKey;
import io.taskresults.support.ApiClient;
import io.taskresults.support.UsesTestDatabase;
import io.taskresults.task.TaskSummary;
import io.taskresults.task.Tasks;
import io.taskresults.taskresult.Bucket;
import io.taskresults.taskresult.ExceptionCount;
import io.taskresults.taskresult.NewResult;
import io.taskresults.taskresult.TaskResultStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end tier: the whole server on a random port over real HTTPS with mutual TLS,
 * on real PostgreSQL, with keys made by the server's own key service. Every subclass
 * shares one application context. Names are unique per test, so tests never meet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesTestDatabase
public abstract class ApiTestSupport {

	protected static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	protected int port;

	@Autowired
	protected ApiKeyService keys;

	@Autowired
	protected Tasks tasks;

	@Autowired
	protected TaskResultStore results;

	@Autowired
	protected TaskResultsProperties properties;

	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

	protected Path caCertificate() {
		return this.properties.pkiDirectory().resolve("ca.crt");
	}

	protected ApiClient clientFor(IssuedKey key) {
		return ApiClient.withKey(key.pkcs12(), key.password(), caCertificate(), this.port);
	}

	protected ApiClient newClient(String name, String role) {
		return clientFor(this.keys.create(name, role, null));
	}

	protected TaskSummary taskWithResults(String owner, List<NewResult> newResults) {
		TaskSummary task = this.tasks.create(unique("task"), owner);
		if (!newResults.isEmpty()) {
			this.results.insert(task.id(), newResults);
		}
		return task;
	}

	protected static NewResult result(long publishedAtMillis, Bucket... buckets) {
		return new NewResult(Instant.ofEpochMilli(publishedAtMillis), List.of(buckets), List.of());
	}

	protected static NewResult result(long publishedAtMillis, List<Bucket> buckets, List<ExceptionCount> exceptions) {
		return new NewResult(Instant.ofEpochMilli(publishedAtMillis), buckets, exceptions);
	}

	protected static Bucket bucket(String name, long value) {
		return new Bucket(name, value);
	}

	/** The response is exactly the error envelope with this status and message. */
	protected static void assertError(ApiClient.Response response, int status, String message) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.body()).isEqualTo("{\"success\":false,\"error\":\"" + message + "\"}");
	}

	protected static JsonNode parse(ApiClient.Response response) {
		return json.readTree(response.body());
	}

}
