package io.taskresults.taskresult;

import io.taskresults.apikey.Caller;
import io.taskresults.web.PageRequest;
import io.taskresults.web.PagedResponse;
import io.taskresults.web.PathIds;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskResultController {

	private final TaskResults results;

	TaskResultController(TaskResults results) {
		this.results = results;
	}

	@GetMapping(path = "/api/task_results/{task_id}", produces = "application/json")
	PagedResponse<ResultItem> results(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@PathVariable("task_id") String taskId, @RequestParam(name = "page", required = false) String page,
			@RequestParam(name = "per_page", required = false) String perPage) {
		long id = PathIds.positiveLong("task_id", taskId);
		PageRequest request = PageRequest.parse(page, perPage);
		TaskResults.ResultPage found = this.results.read(caller, id, request);
		return PagedResponse.of(found.count(), request, found.items());
	}

}
