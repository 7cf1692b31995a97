package io.taskresults.web;

import java.util.stream.Collectors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where failures inside Spring MVC become the JSON error envelope. Failures
 * outside it (filters, Tomcat itself) are rendered by {@link JsonErrorController} and
 * {@link JsonErrorReportValve}.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ApiError> apiException(ApiException ex) {
		return envelope(ex.status(), ex.getMessage());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, ServletRequestBindingException.class,
			InvalidParameterException.class })
	ResponseEntity<ApiError> badRequest(Exception ex) {
		return envelope(HttpStatus.BAD_REQUEST, ErrorMessages.forStatus(400));
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ResponseEntity<ApiError> notFound(Exception ex) {
		return envelope(HttpStatus.NOT_FOUND, "Not found: no such endpoint.");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
		String allowed = (ex.getSupportedHttpMethods() != null)
				? ex.getSupportedHttpMethods().stream().map(Object::toString).sorted().collect(Collectors.joining(", "))
				: "";
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.header(HttpHeaders.ALLOW, allowed)
			.contentType(MediaType.APPLICATION_JSON)
			.body(ApiError.of("Method " + ex.getMethod() + " is not allowed here. Allowed: " + allowed + "."));
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		// The explicit content type makes Spring skip content negotiation, which already
		// failed once.
		return envelope(HttpStatus.NOT_ACCEPTABLE, ErrorMessages.forStatus(406));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return envelope(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorMessages.forStatus(415));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> unexpected(Exception ex) {
		if (DatabaseFailures.isUnavailable(ex)) {
			log.warn("Database unavailable: {}", ex.toString());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "5")
				.contentType(MediaType.APPLICATION_JSON)
				.body(ApiError.of(ErrorMessages.DATABASE_UNAVAILABLE));
		}
		log.error("Unexpected failure", ex);
		return envelope(HttpStatus.INTERNAL_SERVER_ERROR, ErrorMessages.forStatus(500));
	}

	static ResponseEntity<ApiError> envelope(HttpStatus status, String message) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(ApiError.of(message));
	}

}
