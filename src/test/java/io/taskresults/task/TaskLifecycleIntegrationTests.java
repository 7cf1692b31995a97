package io.taskresults.task;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import io.taskresults.ApiTestSupport;
import io.taskresults.support.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating, showing and deleting tasks, and purging what a deletion or the retention
 * setting leaves behind.
 */
class TaskLifecycleIntegrationTests extends ApiTestSupport {

	@Autowired
	private TaskPurger purger;

	@Autowired
	private JdbcClient jdbc;

	private final String analyst = unique("analyst");

	@Test
	void createsATaskOwnedByTheAnalyst() throws Exception {
		ApiClient client = newClient(this.analyst, "analyst");

		ApiClient.Response created = client.postJson("/api/tasks", "{\"name\":\"heights\"}");

		assertThat(created.status()).isEqualTo(201);
		JsonNode task = parse(created).get("task");
		assertThat(created.body())
			.startsWith("{\"success\":true,\"task\":{\"id\":" + task.get("id").asLong()
					+ ",\"name\":\"heights\",\"owner\":\"" + this.analyst + "\",\"created_at\":")
			.endsWith(",\"result_count\":0,\"last_published_at\":null}}");
		assertThat(created.header("Location")).isEqualTo("/api/tasks/" + task.get("id").asLong());
		ApiClient.Response shown = client.get("/api/tasks/" + task.get("id").asLong());
		assertThat(shown.body()).isEqualTo(created.body());
	}

	@Test
	void letsAnAdminCreateATaskForAnotherOwner() throws Exception {
		ApiClient.Response created = newClient(unique("admin"), "admin").postJson("/api/tasks",
				"{\"name\":\"for alice\",\"owner\":\"" + this.analyst + "\"}");

		assertThat(created.status()).isEqualTo(201);
		long id = parse(created).get("task").get("id").asLong();
		assertThat(newClient(this.analyst, "analyst").get("/api/tasks/" + id).status()).isEqualTo(200);
	}

	@Test
	void refusesTasksForOthersFromAnalystsAndAnyTaskFromCloaks() throws Exception {
		ApiClient.Response forSomeoneElse = newClient(this.analyst, "analyst").postJson("/api/tasks",
				"{\"name\":\"x\",\"owner\":\"mallory\"}");
		ApiClient.Response fromCloak = newClient(unique("cloak"), "cloak").postJson("/api/tasks", "{\"name\":\"x\"}");

		assertError(forSomeoneElse, 403, "Only an admin key may create a task for another owner.");
		assertError(fromCloak, 403, "A cloak key may not create tasks: use an analyst or admin key.");
	}

	@Test
	void refusesInvalidTaskBodies() throws Exception {
		ApiClient client = newClient(this.analyst, "analyst");

		assertError(client.postJson("/api/tasks", "{}"), 422, "name is required");
		assertError(client.postJson("/api/tasks", "{\"name\":\"\"}"), 422, "name must not be empty");
		assertError(client.postJson("/api/tasks", "{\"name\":5}"), 422, "name must be a string");
		assertError(client.postJson("/api/tasks", "{\"name\":\"" + "n".repeat(201) + "\"}"), 422,
				"name must be at most 200 characters");
		assertError(client.postJson("/api/tasks", "{\"name\":\"x\",\"size\":1}"), 422,
				"size is not a known field (allowed: name, owner)");
		assertError(client.postJson("/api/tasks", "[1]"), 422, "The request body must be a JSON object");
		assertError(newClient(unique("admin"), "admin").postJson("/api/tasks", "{\"name\":\"x\",\"owner\":\" alice\"}"),
				422, "owner must not start or end with white space");
	}

	@Test
	void hidesADeletedTaskFromEveryReadAtOnce() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of(result(1_000L, bucket("b", 1))));
		ApiClient owner = newClient(this.analyst, "analyst");

		ApiClient.Response deleted = owner.send("DELETE", "/api/tasks/" + task.id());

		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.body()).isEqualTo("{\"success\":true}");
		String gone = "No task with id " + task.id() + " that this key may read.";
		assertError(owner.get("/api/tasks/" + task.id()), 404, gone);
		assertError(owner.get("/api/task_results/" + task.id()), 404, gone);
		assertError(newClient(unique("cloak"), "cloak").postJson("/api/task_results/" + task.id(), "{\"buckets\":[]}"),
				404, "No task with id " + task.id() + " (it may have been deleted).");
		assertError(owner.send("DELETE", "/api/tasks/" + task.id()), 404, gone);
		assertThat(parse(owner.get("/api/tasks")).get("count").asLong()).isZero();
	}

	@Test
	void letsOnlyTheOwnerOrAnAdminDeleteATask() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, List.of());

		ApiClient.Response byOther = newClient(unique("other"), "analyst").send("DELETE", "/api/tasks/" + task.id());
		ApiClient.Response byCloak = newClient(unique("cloak"), "cloak").send("DELETE", "/api/tasks/" + task.id());
		ApiClient.Response byAdmin = newClient(unique("admin"), "admin").send("DELETE", "/api/tasks/" + task.id());

		assertThat(byOther.status()).isEqualTo(404);
		assertThat(byCloak.status()).isEqualTo(404);
		assertThat(byAdmin.status()).isEqualTo(200);
	}

	@Test
	void purgesTheResultsOfADeletedTaskInBatchesAndThenTheTask() throws Exception {
		TaskSummary task = taskWithResults(this.analyst,
				IntStream.range(0, 1_234).mapToObj((i) -> result(i, bucket("b", i))).toList());
		newClient(this.analyst, "analyst").send("DELETE", "/api/tasks/" + task.id());

		this.purger.purgeDeletedTasks();

		assertThat(count("SELECT count(*) FROM result WHERE task_id = ?", task.id())).isZero();
		assertThat(count("SELECT count(*) FROM task WHERE id = ?", task.id())).isZero();
	}

	@Test
	void purgesOnlyResultsPublishedBeforeTheRetentionCutoff() throws Exception {
		TaskSummary task = taskWithResults(this.analyst, IntStream.range(0, 1_100)
			.mapToObj((i) -> result(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli() + i * 60_000L, bucket("b", i)))
			.toList());

		long removed = this.purger.deleteInBatches(task.id(), Instant.parse("2020-01-01T10:00:00Z"));

		assertThat(removed).isEqualTo(600);
		JsonNode page = parse(newClient(this.analyst, "analyst").get("/api/task_results/" + task.id() + "?page=50"));
		assertThat(page.get("count").asLong()).isEqualTo(500);
		assertThat(count("SELECT count(*) FROM result WHERE task_id = ?", task.id())).isEqualTo(500);
	}

	private long count(String sql, long id) {
		return this.jdbc.sql(sql).param(id).query(Long.class).single();
	}

}
