package io.taskresults.task;

import io.taskresults.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * No such task, or one the caller may not read: the two answer alike so that a key cannot
 * learn which tasks exist.
 */
public class TaskNotFound extends ApiException {

	private TaskNotFound(String message) {
		super(HttpStatus.NOT_FOUND, message);
	}

	static TaskNotFound forReader(long id) {
		return new TaskNotFound("No task with id " + id + " that this key may read.");
	}

	static TaskNotFound forPublisher(long id) {
		return new TaskNotFound("No task with id " + id + " (it may have been deleted).");
	}

}
