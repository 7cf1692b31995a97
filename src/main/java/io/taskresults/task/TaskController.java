package io.taskresults.task;

import java.util.Set;

import io.taskresults.apikey.Caller;
import io.taskresults.web.JsonBodyReader;
import io.taskresults.web.JsonFields;
import io.taskresults.web.PageRequest;
import io.taskresults.web.PagedResponse;
import io.taskresults.web.PathIds;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskController {

	private static final String JSON = "application/json";

	private final Tasks tasks;

	private final JsonBodyReader bodies;

	TaskController(Tasks tasks, JsonBodyReader bodies) {
		this.tasks = tasks;
		this.bodies = bodies;
	}

	@GetMapping(path = "/api/tasks", produces = JSON)
	PagedResponse<TaskJson> list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam(name = "page", required = false) String page,
			@RequestParam(name = "per_page", required = false) String perPage) {
		PageRequest request = PageRequest.parse(page, perPage);
		Tasks.TaskPage found = this.tasks.readablePage(caller, request);
		return PagedResponse.of(found.count(), request, found.items().stream().map(TaskJson::from).toList());
	}

	@PostMapping(path = "/api/tasks", consumes = { JSON, "application/*+json" }, produces = JSON)
	ResponseEntity<TaskResponse> create(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, HttpServletRequest request) {
		JsonNode body = this.bodies.read(request);
		JsonFields.requireObject(body, "");
		JsonFields.onlyFields(body, "", Set.of("name", "owner"));
		String name = JsonFields.text(body, "", "name", true, Tasks.MAX_NAME_LENGTH);
		String owner = JsonFields.text(body, "", "owner", false, Tasks.MAX_NAME_LENGTH);
		TaskSummary task = this.tasks.create(caller, name, owner);
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Location", "/api/tasks/" + task.id())
			.body(new TaskResponse(true, TaskJson.from(task)));
	}

	@GetMapping(path = "/api/tasks/{task_id}", produces = JSON)
	TaskResponse show(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable("task_id") String taskId) {
		return new TaskResponse(true,
				TaskJson.from(this.tasks.readable(caller, PathIds.positiveLong("task_id", taskId))));
	}

	@DeleteMapping(path = "/api/tasks/{task_id}", produces = JSON)
	Deleted delete(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable("task_id") String taskId) {
		this.tasks.delete(caller, PathIds.positiveLong("task_id", taskId));
		return new Deleted(true);
	}

	/** A task as the API shows it; times in milliseconds since the epoch. */
	record TaskJson(long id, String name, String owner, long createdAt, long resultCount, Long lastPublishedAt) {

		static TaskJson from(TaskSummary task) {
			return new TaskJson(task.id(), task.name(), task.owner(), task.createdAt().toEpochMilli(),
					task.resultCount(),
					(task.lastPublishedAt() != null) ? task.lastPublishedAt().toEpochMilli() : null);
		}

	}

	record TaskResponse(boolean success, TaskJson task) {
	}

	record Deleted(boolean success) {
	}

}
