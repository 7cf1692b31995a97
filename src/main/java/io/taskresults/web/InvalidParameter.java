package io.taskresults.web;

import org.springframework.http.HttpStatus;

/**
 * A path or query parameter that is not what the endpoint accepts.
 */
public class InvalidParameter extends ApiException {

	public InvalidParameter(String message) {
		super(HttpStatus.BAD_REQUEST, message);
	}

}
