package io.taskresults.web;

import org.springframework.http.HttpStatus;

/**
 * A request body that is well-formed HTTP but not what the endpoint accepts: malformed
 * JSON, a wrong type, a missing or out-of-range field. The message names the field.
 */
public class UnprocessableContent extends ApiException {

	public UnprocessableContent(String message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, message);
	}

}
