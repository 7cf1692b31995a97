package io.taskresults.web;

import org.springframework.http.HttpStatus;

/**
 * A failure a client caused or can act on. Subclasses name the fact; the status and
 * message go to the client as they are, so messages must be safe to show.
 */
public abstract class ApiException extends RuntimeException {

	private final HttpStatus status;

	protected ApiException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

}
