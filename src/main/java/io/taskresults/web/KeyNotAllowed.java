package io.taskresults.web;

import org.springframework.http.HttpStatus;

/**
 * An authenticated key whose role may not do what it asked.
 */
public class KeyNotAllowed extends ApiException {

	public KeyNotAllowed(String message) {
		super(HttpStatus.FORBIDDEN, message);
	}

}
