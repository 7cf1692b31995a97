package io.taskresults.web;

/**
 * The body of every error answer: {@code {"success":false,"error":"..."}}.
 */
public record ApiError(boolean success, String error) {

	public static ApiError of(String message) {
		return new ApiError(false, message);
	}

}
