package io.taskresults.task;

import java.util.List;

import io.taskresults.ApiTestSupport;
import io.taskresults.support.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TasksApiIntegrationTests extends ApiTestSupport {

	private final String analyst = unique("analyst");

	@Test
	void listsTheAnalystsOwnTasksNewestFirstWithTheirResultCounts() throws Exception {
		TaskSummary oldest = taskWithResults(this.analyst, List.of(result(1_000L, bucket("b", 1))));
		TaskSummary middle = taskWithResults(this.analyst,
				List.of(result(3_000L, bucket("b", 1)), result(2_000L, bucket("b", 2))));
		TaskSummary newest = taskWithResults(this.analyst, List.of());
		taskWithResults(unique("someone-else"), List.of());

		JsonNode body = parse(newClient(this.analyst, "analyst").get("/api/tasks"));

		assertThat(body.get("success").asBoolean()).isTrue();
		assertThat(body.get("count").asLong()).isEqualTo(3);
		assertThat(body.get("items").findValuesAsString("name")).containsExactly(newest.name(), middle.name(),
				oldest.name());
		JsonNode second = body.get("items").get(1);
		assertThat(second.get("id").asLong()).isEqualTo(middle.id());
		assertThat(second.get("owner").asString()).isEqualTo(this.analyst);
		assertThat(second.get("created_at").asLong()).isEqualTo(middle.createdAt().toEpochMilli());
		assertThat(second.get("result_count").asLong()).isEqualTo(2);
		assertThat(second.get("last_published_at").asLong()).isEqualTo(3_000L);
		assertThat(body.get("items").get(0).get("last_published_at").isNull()).isTrue();
	}

	@Test
	void pagesTheTaskList() throws Exception {
		for (int i = 0; i < 3; i++) {
			taskWithResults(this.analyst, List.of());
		}

		JsonNode body = parse(newClient(this.analyst, "analyst").get("/api/tasks?page=2&per_page=2"));

		assertThat(body.get("count").asLong()).isEqualTo(3);
		assertThat(body.get("page").asInt()).isEqualTo(2);
		assertThat(body.get("per_page").asInt()).isEqualTo(2);
		assertThat(body.get("items").size()).isEqualTo(1);
	}

	@Test
	void showsAdminKeysEveryTaskAndCloakKeysNone() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());

		JsonNode asAdmin = parse(newClient(unique("admin"), "admin").get("/api/tasks?per_page=1"));
		ApiClient.Response asCloak = newClient(unique("cloak"), "cloak").get("/api/tasks");

		assertThat(asAdmin.get("count").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(asAdmin.get("items").get(0).get("id").asLong()).isGreaterThanOrEqualTo(task.id());
		assertThat(asCloak.body()).isEqualTo("{\"success\":true,\"count\":0,\"page\":1,\"per_page\":10,\"items\":[]}");
	}

	@Test
	void rejectsInvalidPagingOfTheTaskList() throws Exception {
		ApiClient.Response response = newClient(this.analyst, "analyst").get("/api/tasks?per_page=0");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body())
			.isEqualTo("{\"success\":false,\"error\":\"per_page must be an integer from 1 to 1000\"}");
	}

}
