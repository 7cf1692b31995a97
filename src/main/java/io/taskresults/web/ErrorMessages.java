package io.taskresults.web;

import org.springframework.http.HttpStatus;

/**
 * Messages for failures that have nothing more specific to say than their status.
 */
public final class ErrorMessages {

	public static final String DATABASE_UNAVAILABLE = "The database is unavailable or busy. Try again in a few seconds.";

	private ErrorMessages() {
	}

	public static String forStatus(int status) {
		return switch (status) {
			case 400 ->
				"Bad request: the request line, a header, the path or the query string is malformed or too large.";
			case 401 -> "Not authenticated.";
			case 403 -> "This key may not do that.";
			case 404 -> "Not found.";
			case 405 -> "Method not allowed.";
			case 406 -> "This API only answers with application/json.";
			case 408 -> "The request took too long to arrive.";
			case 413 -> "The request is too large.";
			case 414 -> "The request URI is too long.";
			case 415 -> "Unsupported content type: send application/json.";
			case 431 -> "The request headers are too large.";
			case 503 -> DATABASE_UNAVAILABLE;
			default -> {
				HttpStatus known = HttpStatus.resolve(status);
				if (known != null && status != 500) {
					yield known.getReasonPhrase() + ".";
				}
				yield "Internal server error.";
			}
		};
	}

}
