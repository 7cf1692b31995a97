package io.taskresults.task;

import io.taskresults.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * No such task, or one the caller may not read: the two answer alike so that a key cannot
 * learn which tasks exist.
 */
public class TaskNotFound extends ApiException {

	TaskNotFound(long id) {
		super(HttpStatus.NOT_FOUND, "No task with id " + id + " that this key may read.");
	}

}
