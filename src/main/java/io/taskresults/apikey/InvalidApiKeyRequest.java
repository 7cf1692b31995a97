package io.taskresults.apikey;

import io.taskresults.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * A request for a new key with a name, role or password that cannot be used.
 */
public class InvalidApiKeyRequest extends ApiException {

	InvalidApiKeyRequest(String message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, message);
	}

}
