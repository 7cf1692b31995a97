package io.taskresults.web;

import io.taskresults.ApiTestSupport;
import io.taskresults.support.ApiClient;
import io.taskresults.support.KeepAliveConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors a client can cause anywhere (Tomcat, filters, Spring MVC) answer in the JSON
 * envelope.
 */
class ErrorEnvelopeIntegrationTests extends ApiTestSupport {

	@Test
	void answersAnUnknownPathWith404() throws Exception {
		ApiClient.Response response = newClient(unique("analyst"), "analyst").get("/api/nothing-here");

		assertEnvelope(response, 404);
	}

	@Test
	void answersARequestForTheErrorPathItselfWith404() throws Exception {
		ApiClient.Response response = newClient(unique("analyst"), "analyst").get("/error");

		assertEnvelope(response, 404);
	}

	@Test
	void answersAnUnsupportedMethodWith405() throws Exception {
		ApiClient.Response response = newClient(unique("analyst"), "analyst").send("PUT", "/api/tasks");

		assertEnvelope(response, 405);
		assertThat(response.body()).contains("Allowed: GET, POST.");
	}

	@Test
	void answersARequestThatAcceptsNoJsonWith406() throws Exception {
		ApiClient.Response response = newClient(unique("analyst"), "analyst").get("/api/tasks", "Accept", "text/html");

		assertEnvelope(response, 406);
	}

	@Test
	void answersABadPercentEncodingInTheQueryWith400() throws Exception {
		try (KeepAliveConnection connection = connection()) {
			assertEnvelope(connection.get("/api/tasks?page=%zz"), 400);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/task_results/%2F1", "/api/task_results/1%00", "/api/%2e%2e/%2e%2e/etc" })
	void answersPathsTomcatRejectsInTheEnvelopeToo(String path) throws Exception {
		try (KeepAliveConnection connection = connection()) {
			ApiClient.Response response = connection.get(path);

			assertThat(response.status()).isBetween(400, 404);
			assertThat(response.contentType()).startsWith("application/json");
			assertThat(response.body()).startsWith("{\"success\":false,\"error\":\"");
		}
	}

	private KeepAliveConnection connection() throws Exception {
		var key = this.keys.create(unique("analyst"), "analyst", null);
		return new KeepAliveConnection(ApiClient.sslContext(key.pkcs12(), key.password(), caCertificate()), this.port);
	}

	private static void assertEnvelope(ApiClient.Response response, int status) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.body()).startsWith("{\"success\":false,\"error\":\"").endsWith("\"}");
	}

}
