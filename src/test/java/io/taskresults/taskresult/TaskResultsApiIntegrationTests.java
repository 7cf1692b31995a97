package io.taskresults.taskresult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import io.taskresults.ApiTestSupport;
import io.taskresults.support.ApiClient;
import io.taskresults.task.TaskSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TaskResultsApiIntegrationTests extends ApiTestSupport {

	private final String analyst = unique("analyst");

	@Test
	void answersInTheReferenceShapeWithKeysInItsOrder() throws Exception {
		TaskSummary task = taskWithResults(this.analyst,
				List.of(result(1421660484000L, bucket("height: 180", 25), bucket("height: 200", 25)),
						result(1421660484000L, List.of(bucket("height: 140", 20), bucket("height: 160", 35)),
								List.of(new ExceptionCount("timeout", 3)))));

		ApiClient.Response response = newClient(this.analyst, "analyst").get("/api/task_results/" + task.id());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.body()).isEqualTo("{\"success\":true,\"count\":2,\"page\":1,\"per_page\":10,\"items\":["
				+ "{\"published_at\":1421660484000,\"buckets\":[{\"name\":\"height: 140\",\"value\":20},"
				+ "{\"name\":\"height: 160\",\"value\":35}],\"exceptions\":[{\"error\":\"timeout\",\"count\":3}]},"
				+ "{\"published_at\":1421660484000,\"buckets\":[{\"name\":\"height: 180\",\"value\":25},"
				+ "{\"name\":\"height: 200\",\"value\":25}],\"exceptions\":[]}]}");
	}

	@Test
	void returnsNewestResultsFirstInPagesOfTenByDefault() throws Exception {
		List<Long> times = new ArrayList<>(
				IntStream.range(0, 30).mapToObj((i) -> 1_600_000_000_000L + i * 1000L).toList());
		Collections.shuffle(times, new Random(7));
		TaskSummary task = taskWithResults(this.analyst,
				times.stream().map((t) -> result(t, bucket("at", t))).toList());
		ApiClient client = newClient(this.analyst, "analyst");

		JsonNode first = parse(client.get("/api/task_results/" + task.id()));
		JsonNode third = parse(client.get("/api/task_results/" + task.id() + "?page=3"));

		assertThat(first.get("count").asLong()).isEqualTo(30);
		assertThat(first.get("page").asInt()).isEqualTo(1);
		assertThat(first.get("per_page").asInt()).isEqualTo(10);
		assertThat(publishedAt(first)).containsExactly(descending(29, 20));
		assertThat(publishedAt(third)).containsExactly(descending(9, 0));
	}

	@Test
	void breaksTiesByNewestInsertSoThatPagingIsStable() throws Exception {
		List<NewResult> sameTime = IntStream.range(0, 25)
			.mapToObj((i) -> result(1_500_000_000_000L, bucket("insert", i)))
			.toList();
		TaskSummary task = taskWithResults(this.analyst, sameTime);
		ApiClient client = newClient(this.analyst, "analyst");

		List<Long> seen = new ArrayList<>();
		for (int page = 1; page <= 4; page++) {
			JsonNode body = parse(client.get("/api/task_results/" + task.id() + "?per_page=7&page=" + page));
			body.get("items").forEach((item) -> seen.add(item.get("buckets").get(0).get("value").asLong()));
		}

		assertThat(seen).containsExactlyElementsOf(
				IntStream.iterate(24, (i) -> i >= 0, (i) -> i - 1).mapToObj(Long::valueOf).toList());
	}

	@ParameterizedTest
	@ValueSource(strings = { "?page=4", "?page=2147483647&per_page=1000" })
	void answersAPagePastTheEndWithNoItemsAndTheTrueCount(String query) throws Exception {
		TaskSummary task = taskWithResults(this.analyst,
				IntStream.range(0, 30).mapToObj((i) -> result(1_000L + i, bucket("b", i))).toList());

		ApiClient.Response response = newClient(this.analyst, "analyst").get("/api/task_results/" + task.id() + query);

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = parse(response);
		assertThat(body.get("count").asLong()).isEqualTo(30);
		assertThat(body.get("items").isArray()).isTrue();
		assertThat(body.get("items").size()).isZero();
	}

	@Test
	void answersATaskWithoutResultsWithAnEmptyPage() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());

		ApiClient.Response response = newClient(this.analyst, "analyst").get("/api/task_results/" + task.id());

		assertThat(response.body()).isEqualTo("{\"success\":true,\"count\":0,\"page\":1,\"per_page\":10,\"items\":[]}");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "page=0|page must be an integer from 1 to 2147483647",
					"page=-1|page must be an integer from 1 to 2147483647",
					"page=abc|page must be an integer from 1 to 2147483647",
					"page=1.5|page must be an integer from 1 to 2147483647",
					"page=2147483648|page must be an integer from 1 to 2147483647",
					"page=99999999999999999999|page must be an integer from 1 to 2147483647",
					"page=|page must be an integer from 1 to 2147483647",
					"per_page=0|per_page must be an integer from 1 to 1000",
					"per_page=1001|per_page must be an integer from 1 to 1000",
					"per_page=ten|per_page must be an integer from 1 to 1000",
					"per_page=1e3|per_page must be an integer from 1 to 1000" })
	void rejectsPagingOutsideItsRange(String query, String message) throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());

		ApiClient.Response response = newClient(this.analyst, "analyst")
			.get("/api/task_results/" + task.id() + "?" + query);

		assertError(response, 400, message);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "0", "-1", "1.5", "99999999999999999999999", "9223372036854775808" })
	void rejectsTaskIdsThatAreNotPositiveIntegers(String taskId) throws Exception {
		ApiClient.Response response = newClient(this.analyst, "analyst").get("/api/task_results/" + taskId);

		assertError(response, 400, "task_id must be a positive integer");
	}

	@Test
	void hidesTasksOfOtherAnalystsAsIfTheyDidNotExist() throws Exception {
		TaskSummary someoneElses = taskWithResults(unique("other"), List.of(result(1L, bucket("b", 1))));
		ApiClient client = newClient(this.analyst, "analyst");

		ApiClient.Response hidden = client.get("/api/task_results/" + someoneElses.id());
		ApiClient.Response missing = client.get("/api/task_results/" + Long.MAX_VALUE);

		assertError(hidden, 404, "No task with id " + someoneElses.id() + " that this key may read.");
		assertError(missing, 404, "No task with id " + Long.MAX_VALUE + " that this key may read.");
	}

	@Test
	void letsAdminKeysReadEveryTaskAndCloakKeysNone() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of(result(5L, bucket("b", 1))));

		ApiClient.Response asAdmin = newClient(unique("admin"), "admin").get("/api/task_results/" + task.id());
		ApiClient.Response asCloak = newClient(unique("cloak"), "cloak").get("/api/task_results/" + task.id());

		assertThat(asAdmin.status()).isEqualTo(200);
		assertThat(parse(asAdmin).get("count").asLong()).isEqualTo(1);
		assertError(asCloak, 404, "No task with id " + task.id() + " that this key may read.");
	}

	@Test
	void showsNewResultsOnTheNextRead() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of(result(1_000L, bucket("old", 1))));
		ApiClient client = newClient(this.analyst, "analyst");
		assertThat(parse(client.get("/api/task_results/" + task.id())).get("count").asLong()).isEqualTo(1);

		this.results.insert(task.id(), List.of(result(2_000L, bucket("new", 2))));

		JsonNode body = parse(client.get("/api/task_results/" + task.id()));
		assertThat(body.get("count").asLong()).isEqualTo(2);
		assertThat(body.get("items").get(0).get("buckets").get(0).get("name").asString()).isEqualTo("new");
	}

	private static List<Long> publishedAt(JsonNode page) {
		return StreamSupport.stream(page.get("items").spliterator(), false)
			.map((item) -> item.get("published_at").asLong())
			.toList();
	}

	private static Long[] descending(int from, int to) {
		return IntStream.iterate(from, (i) -> i >= to, (i) -> i - 1)
			.mapToObj((i) -> 1_600_000_000_000L + i * 1000L)
			.toArray(Long[]::new);
	}

}
