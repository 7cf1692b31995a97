package io.taskresults.apikey;

import io.taskresults.web.ApiException;

import org.springframework.http.HttpStatus;

public class ApiKeyNotFound extends ApiException {

	ApiKeyNotFound(String id) {
		super(HttpStatus.NOT_FOUND, "No API key with id " + id + ".");
	}

}
