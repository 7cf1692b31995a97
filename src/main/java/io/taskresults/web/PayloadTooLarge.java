package io.taskresults.web;

import org.springframework.http.HttpStatus;

public class PayloadTooLarge extends ApiException {

	PayloadTooLarge(long limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than the limit of " + limit + " bytes.");
	}

}
