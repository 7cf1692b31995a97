package io.taskresults.taskresult;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.taskresults.apikey.Caller;
import io.taskresults.apikey.Role;
import io.taskresults.web.JsonBodyReader;
import io.taskresults.web.KeyNotAllowed;
import io.taskresults.web.PageRequest;
import io.taskresults.web.PagedResponse;
import io.taskresults.web.PathIds;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskResultController {

	private static final String JSON = "application/json";

	private final TaskResults results;

	private final ResultPublisher publisher;

	private final JsonBodyReader bodies;

	TaskResultController(TaskResults results, ResultPublisher publisher, JsonBodyReader bodies) {
		this.results = results;
		this.publisher = publisher;
		this.bodies = bodies;
	}

	@GetMapping(path = "/api/task_results/{task_id}", produces = JSON)
	PagedResponse<ResultItem> results(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@PathVariable("task_id") String taskId, @RequestParam(name = "page", required = false) String page,
			@RequestParam(name = "per_page", required = false) String perPage,
			@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to) {
		long id = PathIds.positiveLong("task_id", taskId);
		PageRequest request = PageRequest.parse(page, perPage);
		TaskResults.ResultPage found = this.results.read(caller, id, TimeRange.parse(from, to), request);
		return PagedResponse.of(found.count(), request, found.items());
	}

	@PostMapping(path = "/api/task_results/{task_id}", consumes = { JSON, "application/*+json" }, produces = JSON)
	ResponseEntity<Published> publish(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@PathVariable("task_id") String taskId, HttpServletRequest request) {
		if (caller.role() == Role.ANALYST) {
			throw new KeyNotAllowed("An analyst key may not publish results: use a cloak or admin key.");
		}
		long id = PathIds.positiveLong("task_id", taskId);
		String key = IdempotencyKeys.parseHeader(java.util.Collections.list(request.getHeaders("Idempotency-Key")));
		Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		byte[] body = this.bodies.readBytes(request);
		List<NewResult> parsed = PublishedResults.parse(this.bodies.parse(body), receivedAt);
		List<Long> ids = this.publisher.publish(caller, id, parsed, key, body);
		return ResponseEntity.status(HttpStatus.CREATED).body(new Published(true, ids));
	}

	record Published(boolean success, List<Long> ids) {
	}

}
