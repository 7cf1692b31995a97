package io.taskresults.apikey;

import java.util.Set;

import io.taskresults.web.JsonBodyReader;
import io.taskresults.web.JsonFields;
import io.taskresults.web.KeyNotAllowed;
import io.taskresults.web.PageRequest;
import io.taskresults.web.PagedResponse;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Key administration for admin keys: the same {@link ApiKeyService} as the command line.
 */
@RestController
class ApiKeyController {

	static final String KEY_ID_HEADER = "Api-Key-Id";

	private static final MediaType PKCS12 = MediaType.parseMediaType("application/x-pkcs12");

	private static final String JSON = "application/json";

	private final ApiKeyService keys;

	private final JsonBodyReader bodies;

	ApiKeyController(ApiKeyService keys, JsonBodyReader bodies) {
		this.keys = keys;
		this.bodies = bodies;
	}

	@PostMapping(path = "/api/api_keys", consumes = { JSON, "application/*+json" })
	ResponseEntity<byte[]> create(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, HttpServletRequest request) {
		requireAdmin(caller);
		JsonNode body = this.bodies.read(request);
		JsonFields.requireObject(body, "");
		JsonFields.onlyFields(body, "", Set.of("name", "role", "password"));
		String name = JsonFields.text(body, "", "name", true, ApiKeyService.MAX_NAME_LENGTH);
		String role = JsonFields.text(body, "", "role", true, 20);
		String password = JsonFields.text(body, "", "password", true, 1000);
		IssuedKey issued = this.keys.create(name, role, password);
		return ResponseEntity.status(HttpStatus.CREATED)
			.contentType(PKCS12)
			.header(KEY_ID_HEADER, issued.id().toString())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("api-key-" + issued.id() + ".p12").build().toString())
			.body(issued.pkcs12());
	}

	@GetMapping(path = "/api/api_keys", produces = JSON)
	PagedResponse<ApiKeyView> list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam(name = "page", required = false) String page,
			@RequestParam(name = "per_page", required = false) String perPage) {
		requireAdmin(caller);
		PageRequest request = PageRequest.parse(page, perPage);
		ApiKeyService.KeyPage found = this.keys.page(request);
		return PagedResponse.of(found.count(), request, found.items());
	}

	@DeleteMapping(path = "/api/api_keys/{id}", produces = JSON)
	Revoked revoke(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable("id") String id) {
		requireAdmin(caller);
		return new Revoked(true, this.keys.revoke(id));
	}

	private static void requireAdmin(Caller caller) {
		if (caller.role() != Role.ADMIN) {
			throw new KeyNotAllowed("Managing API keys needs an admin key.");
		}
	}

	record Revoked(boolean success, ApiKeyView apiKey) {
	}

}
