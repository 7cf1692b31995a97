package io.taskresults.task;

import io.taskresults.apikey.Caller;
import io.taskresults.web.PageRequest;
import io.taskresults.web.PagedResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskController {

	private final Tasks tasks;

	TaskController(Tasks tasks) {
		this.tasks = tasks;
	}

	@GetMapping(path = "/api/tasks", produces = "application/json")
	PagedResponse<TaskJson> list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam(name = "page", required = false) String page,
			@RequestParam(name = "per_page", required = false) String perPage) {
		PageRequest request = PageRequest.parse(page, perPage);
		Tasks.TaskPage found = this.tasks.readablePage(caller, request);
		return PagedResponse.of(found.count(), request, found.items().stream().map(TaskJson::from).toList());
	}

	/** A task as the API shows it; times in milliseconds since the epoch. */
	record TaskJson(long id, String name, String owner, long createdAt, long resultCount, Long lastPublishedAt) {

		static TaskJson from(TaskSummary task) {
			return new TaskJson(task.id(), task.name(), task.owner(), task.createdAt().toEpochMilli(),
					task.resultCount(),
					(task.lastPublishedAt() != null) ? task.lastPublishedAt().toEpochMilli() : null);
		}

	}

}
