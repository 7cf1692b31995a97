package io.taskresults.taskresult;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.taskresults.ApiTestSupport;
import io.taskresults.support.ApiClient;
import io.taskresults.task.TaskSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/task_results/{task_id}: the cloak publishing results, end to end.
 */
class PublishingIntegrationTests extends ApiTestSupport {

	private static final String RESULT = "{\"published_at\":1421660484000,\"buckets\":[{\"name\":\"height: 140\",\"value\":20}],"
			+ "\"exceptions\":[{\"error\":\"timeout\",\"count\":2}]}";

	@Autowired
	private JdbcClient jdbc;

	private final String analyst = unique("analyst");

	@Test
	void storesAResultThatTheOwnerReadsFirstOnTheNextRequest() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of(result(1_000L, bucket("old", 1))));
		ApiClient reader = newClient(this.analyst, "analyst");

		ApiClient.Response published = cloak().postJson(path(task), RESULT);

		assertThat(published.status()).isEqualTo(201);
		assertThat(published.body()).matches("\\{\"success\":true,\"ids\":\\[[0-9]+\\]}");
		JsonNode page = parse(reader.get(path(task)));
		assertThat(page.get("count").asLong()).isEqualTo(2);
		assertThat(json.writeValueAsString(page.get("items").get(0))).isEqualTo(RESULT);
	}

	@Test
	void storesAnArrayInOrderAndDefaultsTimeAndExceptions() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());
		long before = System.currentTimeMillis();

		ApiClient.Response published = admin().postJson(path(task),
				"[{\"buckets\":[{\"name\":\"a\",\"value\":1}]},{\"buckets\":[]}]");

		long after = System.currentTimeMillis();
		assertThat(published.status()).isEqualTo(201);
		List<Long> ids = ids(published);
		assertThat(ids).hasSize(2);
		assertThat(ids.get(0)).isLessThan(ids.get(1));
		JsonNode items = parse(newClient(this.analyst, "analyst").get(path(task))).get("items");
		// Same receive time for both: the later array element is the newer insert, so it
		// comes first.
		assertThat(items.get(0).get("buckets").size()).isZero();
		assertThat(items.get(1).get("buckets").get(0).get("name").asString()).isEqualTo("a");
		assertThat(items.get(1).get("exceptions").size()).isZero();
		assertThat(items.get(1).get("published_at").asLong()).isBetween(before - 1, after + 1);
	}

	@Test
	void storesNothingWhenOneResultOfAHundredIsInvalid() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());
		List<String> results = new ArrayList<>(Collections.nCopies(100, RESULT));
		results.set(57, "{\"buckets\":[{\"name\":\"height: 140\",\"value\":-1}]}");

		ApiClient.Response response = cloak().postJson(path(task), "[" + String.join(",", results) + "]");

		assertError(response, 422, "[57].buckets[0].value must be a non-negative integer");
		assertThat(storedResults(task)).isZero();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"{\"buckets\":[{\"name\":\"a\",\"value\":1}]|The request body is not valid JSON (line 1, column 36).",
			"{\"buckets\":[]} {}|The request body is not valid JSON (line 1, column 16).",
			"{\"buckets\":[],\"buckets\":[]}|The request body is not valid JSON (line 1, column 24).",
			"``|The request body is empty: send a JSON value.",
			"42|The request body must be a result object or an array of up to 1000 of them",
			"[]|The request body is an empty array: send at least one result", "{}|buckets is required",
			"{\"buckets\":{}}|buckets must be an array", "{\"buckets\":[{\"value\":1}]}|buckets[0].name is required",
			"{\"buckets\":[{\"name\":\"\",\"value\":1}]}|buckets[0].name must not be empty",
			"{\"buckets\":[{\"name\":7,\"value\":1}]}|buckets[0].name must be a string",
			"{\"buckets\":[{\"name\":\"a\\u0000b\",\"value\":1}]}|buckets[0].name must not contain NUL characters",
			"{\"buckets\":[{\"name\":\"a\",\"value\":\"20\"}]}|buckets[0].value must be a non-negative integer",
			"{\"buckets\":[{\"name\":\"a\",\"value\":1.5}]}|buckets[0].value must be a non-negative integer",
			"{\"buckets\":[{\"name\":\"a\",\"value\":1e3}]}|buckets[0].value must be a non-negative integer",
			"{\"buckets\":[{\"name\":\"a\",\"value\":99999999999999999999}]}|buckets[0].value must be a non-negative integer",
			"{\"buckets\":[{\"name\":\"a\"}]}|buckets[0].value is required",
			"{\"buckets\":[{\"name\":\"a\",\"value\":1,\"colour\":2}]}|buckets[0].colour is not a known field (allowed: name, value)",
			"{\"bucket\":[]}|bucket is not a known field (allowed: buckets, exceptions, published_at)",
			"{\"buckets\":[],\"published_at\":\"yesterday\"}|published_at must be an integer number of milliseconds since the epoch, from -62135596800000 to 253402300799999",
			"{\"buckets\":[],\"exceptions\":[{\"error\":\"x\",\"count\":-2}]}|exceptions[0].count must be a non-negative integer",
			"[{\"buckets\":[]},7]|[1] must be a JSON object",
			"{\"buckets\":[{\"name\":\"x\\udc00y\",\"value\":1}]}|buckets[0].name must be valid Unicode (it has an unpaired surrogate escape)" })
	void refusesInvalidResultsNamingTheField(String body, String message) throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());

		ApiClient.Response response = cloak().postJson(path(task), body);

		assertError(response, 422, message);
		assertThat(storedResults(task)).isZero();
	}

	@Test
	void refusesOverLongNamesTooManyBucketsAndTooManyResults() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());
		String longName = "{\"buckets\":[{\"name\":\"" + "x".repeat(1001) + "\",\"value\":1}]}";
		String manyBuckets = "{\"buckets\":["
				+ String.join(",", Collections.nCopies(10_001, "{\"name\":\"b\",\"value\":1}")) + "]}";
		String manyResults = "[" + String.join(",", Collections.nCopies(1001, "{\"buckets\":[]}")) + "]";

		assertError(cloak().postJson(path(task), longName), 422, "buckets[0].name must be at most 1000 characters");
		assertError(cloak().postJson(path(task), manyBuckets), 422,
				"buckets has 10001 entries; at most 10000 are allowed");
		assertError(cloak().postJson(path(task), manyResults), 422,
				"The request body has 1001 results; at most 1000 may be published at once");
		assertThat(storedResults(task)).isZero();
	}

	@Test
	void refusesABodyOverTheSizeLimitWith413() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());
		byte[] body = new byte[10 * 1024 * 1024 + 1];
		java.util.Arrays.fill(body, (byte) ' ');

		ApiClient.Response response = cloak().send("POST", path(task), body, "Content-Type", "application/json");

		assertError(response, 413, "The request body is larger than the limit of 10485760 bytes.");
	}

	@Test
	void refusesOtherContentTypesWith415() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());

		ApiClient.Response response = cloak().send("POST", path(task), RESULT.getBytes(), "Content-Type", "text/plain");

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.body())
			.isEqualTo("{\"success\":false,\"error\":\"Unsupported content type: send application/json.\"}");
		assertThat(storedResults(task)).isZero();
	}

	@Test
	void refusesAnalystKeysWith403AndUnknownTasksWith404() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());

		ApiClient.Response asAnalyst = newClient(this.analyst, "analyst").postJson(path(task), RESULT);
		ApiClient.Response unknown = cloak().postJson("/api/task_results/" + Long.MAX_VALUE, RESULT);

		assertError(asAnalyst, 403, "An analyst key may not publish results: use a cloak or admin key.");
		assertError(unknown, 404, "No task with id " + Long.MAX_VALUE + " (it may have been deleted).");
		assertThat(storedResults(task)).isZero();
	}

	@Test
	void answersARetryWithTheSameIdempotencyKeyWithTheSameIdsAndStoresNothingNew() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());
		ApiClient cloak = cloak();
		String key = unique("publish");

		ApiClient.Response first = cloak.postJson(path(task), RESULT, "Idempotency-Key", key);
		ApiClient.Response retry = cloak.postJson(path(task), RESULT, "Idempotency-Key", key);
		ApiClient.Response otherBody = cloak.postJson(path(task), "{\"buckets\":[]}", "Idempotency-Key", key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(first.body());
		assertError(otherBody, 422,
				"This Idempotency-Key was already used for a different request; use a new key for new results.");
		assertThat(storedResults(task)).isEqualTo(1);
	}

	@Test
	void treatsTheSameIdempotencyKeyForAnotherTaskAsADifferentRequest() throws Exception {
		TaskSummary first = taskWithResults(this.analyst, List.of());
		TaskSummary second = taskWithResults(this.analyst, List.of());
		ApiClient cloak = cloak();
		String key = unique("publish");

		cloak.postJson(path(first), RESULT, "Idempotency-Key", key);
		ApiClient.Response response = cloak.postJson(path(second), RESULT, "Idempotency-Key", key);

		assertThat(response.status()).isEqualTo(422);
		assertThat(storedResults(second)).isZero();
	}

	@Test
	void storesExactlyOneCopyUnderARetryStorm() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());
		ApiClient cloak = cloak();
		String key = unique("storm");
		String body = "[" + String.join(",", Collections.nCopies(1000, RESULT)) + "]";
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<ApiClient.Response>> responses = new ArrayList<>();
		try {
			for (int i = 0; i < threads; i++) {
				Callable<ApiClient.Response> send = () -> {
					start.await();
					return cloak.postJson(path(task), body, "Idempotency-Key", key);
				};
				responses.add(pool.submit(send));
			}
			start.countDown();
			List<ApiClient.Response> answers = new ArrayList<>();
			for (Future<ApiClient.Response> response : responses) {
				answers.add(response.get());
			}

			Set<Integer> statuses = answers.stream().map(ApiClient.Response::status).collect(Collectors.toSet());
			assertThat(statuses).contains(201).isSubsetOf(201, 409);
			assertThat(answers.stream().filter((a) -> a.status() == 201).map(ApiClient.Response::body).distinct())
				.hasSize(1);
			answers.stream()
				.filter((a) -> a.status() == 409)
				.forEach((a) -> assertThat(a.body()).contains("still in progress"));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(storedResults(task)).isEqualTo(1000);
		assertThat(parse(newClient(this.analyst, "analyst").get(path(task))).get("count").asLong()).isEqualTo(1000);
	}

	@Test
	void letsConcurrentPublishersToOneTaskAllSucceed() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());
		ApiClient cloak = cloak();
		int publishers = 12;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(publishers);
		try {
			List<Future<ApiClient.Response>> responses = new ArrayList<>();
			for (int i = 0; i < publishers; i++) {
				String body = "[" + String.join(",",
						Collections.nCopies(50, "{\"buckets\":[{\"name\":\"p" + i + "\",\"value\":" + i + "}]}")) + "]";
				responses.add(pool.submit(() -> {
					start.await();
					return cloak.postJson(path(task), body);
				}));
			}
			start.countDown();
			for (Future<ApiClient.Response> response : responses) {
				assertThat(response.get().status()).as(response.get().body()).isEqualTo(201);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(storedResults(task)).isEqualTo(publishers * 50L);
		assertThat(parse(newClient(this.analyst, "analyst").get(path(task))).get("count").asLong())
			.isEqualTo(publishers * 50L);
	}

	@Test
	void refusesSeveralIdempotencyKeyHeaders() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());

		ApiClient.Response response = cloak().postJson(path(task), RESULT, "Idempotency-Key", "a", "Idempotency-Key",
				"b");

		assertError(response, 400, "Send one Idempotency-Key header, not 2");
		assertThat(storedResults(task)).isZero();
	}

	@Test
	void refusesJsonInACharsetOtherThanUtf8() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());

		ApiClient.Response response = cloak().send("POST", path(task),
				"{\"buckets\":[{\"name\":\"caf\u00e9\",\"value\":1}]}".getBytes(StandardCharsets.ISO_8859_1),
				"Content-Type", "application/json; charset=ISO-8859-1");

		assertError(response, 415,
				"Unsupported charset ISO-8859-1: send JSON as UTF-8 (application/json; charset=utf-8).");
	}

	@Test
	void keepsTimesBeforeTheGregorianReformExact() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());

		cloak().postJson(path(task), "{\"published_at\":-62135596800000,\"buckets\":[]}");

		assertThat(this.jdbc
			.sql("SELECT to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM result WHERE task_id = ?")
			.param(task.id())
			.query(String.class)
			.single()).isEqualTo("0001-01-01 00:00");
		assertThat(parse(newClient(this.analyst, "analyst").get(path(task))).get("items")
			.get(0)
			.get("published_at")
			.asLong()).isEqualTo(-62135596800000L);
	}

	@Test
	void rejectsAMalformedIdempotencyKey() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());

		ApiClient.Response response = cloak().postJson(path(task), RESULT, "Idempotency-Key", "x".repeat(256));

		assertError(response, 400, "Idempotency-Key must be 1 to 255 printable ASCII characters");
	}

	@Test
	void filtersByPublishedTimeAndCountsOnlyWhatMatches() throws Exception {
		TaskSummary task = taskWithResults(this.analyst,
				IntStream.range(0, 50).mapToObj((i) -> result(1_000L * i, bucket("at", i))).toList());
		ApiClient reader = newClient(this.analyst, "analyst");

		JsonNode window = parse(reader.get(path(task) + "?from=10000&to=20000&per_page=3&page=2"));
		JsonNode onlyFrom = parse(reader.get(path(task) + "?from=45000"));
		JsonNode onlyTo = parse(reader.get(path(task) + "?to=1000"));
		JsonNode empty = parse(reader.get(path(task) + "?from=5000&to=5000"));
		JsonNode lastPageOfWindow = parse(reader.get(path(task) + "?from=10000&to=20000&per_page=3&page=4"));

		assertThat(window.get("count").asLong()).isEqualTo(10);
		assertThat(window.get("items").findValues("published_at").stream().map(JsonNode::asLong))
			.containsExactly(16_000L, 15_000L, 14_000L);
		assertThat(lastPageOfWindow.get("items").findValues("published_at").stream().map(JsonNode::asLong))
			.containsExactly(10_000L);
		assertThat(onlyFrom.get("count").asLong()).isEqualTo(5);
		assertThat(onlyTo.get("count").asLong()).isEqualTo(1);
		assertThat(empty.get("count").asLong()).isZero();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"from=abc|from must be an integer number of milliseconds since the epoch, from -62135596800000 to 253402300799999",
			"to=1.5|to must be an integer number of milliseconds since the epoch, from -62135596800000 to 253402300799999",
			"to=253402300800000|to must be an integer number of milliseconds since the epoch, from -62135596800000 to 253402300799999",
			"from=10&to=9|from must not be after to" })
	void rejectsInvalidTimeFilters(String query, String message) throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());

		assertError(newClient(this.analyst, "analyst").get(path(task) + "?" + query), 400, message);
	}

	private ApiClient cloak() {
		return newClient(unique("cloak"), "cloak");
	}

	private ApiClient admin() {
		return newClient(unique("admin"), "admin");
	}

	private long storedResults(TaskSummary task) {
		return this.jdbc.sql("SELECT count(*) FROM result WHERE task_id = ?")
			.param(task.id())
			.query(Long.class)
			.single();
	}

	private static String path(TaskSummary task) {
		return "/api/task_results/" + task.id();
	}

	private static List<Long> ids(ApiClient.Response response) {
		List<Long> ids = new ArrayList<>();
		parse(response).get("ids").forEach((id) -> ids.add(id.asLong()));
		return ids;
	}

}
