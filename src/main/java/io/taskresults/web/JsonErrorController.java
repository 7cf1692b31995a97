package io.taskresults.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page: whatever the servlet container forwards to
 * {@code /error} (a failure in a filter, {@code sendError} from Tomcat) answers in the
 * JSON envelope, never as HTML and never with a stack trace.
 */
@RestController
class JsonErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ApiError> error(HttpServletRequest request) {
		Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		int status = statusOf(request, failure);
		return ApiExceptionHandler.envelope(HttpStatus.valueOf(status), ErrorMessages.forStatus(status));
	}

	private static int statusOf(HttpServletRequest request, Throwable failure) {
		if (failure != null) {
			if (DatabaseFailures.isUnavailable(failure)) {
				return 503;
			}
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof InvalidParameterException) {
					return 400;
				}
			}
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			// Not forwarded by the container: a client asked for /error itself.
			return 404;
		}
		if (code instanceof Integer status && HttpStatus.resolve(status) != null && status >= 400) {
			return status;
		}
		return 500;
	}

}
