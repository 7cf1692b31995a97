package io.taskresults.web;

import org.springframework.http.HttpStatus;

public class UnsupportedCharset extends ApiException {

	UnsupportedCharset(String charset) {
		super(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Unsupported charset " + charset + ": send JSON as UTF-8 (application/json; charset=utf-8).");
	}

}
