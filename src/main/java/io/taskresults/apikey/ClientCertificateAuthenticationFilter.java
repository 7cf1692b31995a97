package io.taskresults.apikey;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;

import io.taskresults.web.ApiError;
import io.taskresults.web.DatabaseFailures;
import io.taskresults.web.ErrorMessages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request by its TLS client certificate. Tomcat has already checked
 * that the certificate chains to the API CA; here the key is looked up by fingerprint on
 * each request, so a revoked key fails from its next request on, even on a connection
 * that stays open. Runs outside Spring MVC, so it renders its own error envelopes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ClientCertificateAuthenticationFilter extends OncePerRequestFilter {

	static final String MISSING_KEY = "Missing authentication key.";

	static final String NOT_AUTHENTICATED = "Not authenticated.";

	private static final Logger log = LoggerFactory.getLogger(ClientCertificateAuthenticationFilter.class);

	private final ApiKeyService keys;

	private final JsonMapper json;

	ClientCertificateAuthenticationFilter(ApiKeyService keys, JsonMapper json) {
		this.keys = keys;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		X509Certificate[] chainPresented = (X509Certificate[]) request
			.getAttribute("jakarta.servlet.request.X509Certificate");
		if (chainPresented == null || chainPresented.length == 0) {
			reject(response, HttpStatus.UNAUTHORIZED, MISSING_KEY);
			return;
		}
		Optional<Caller> caller;
		try {
			caller = this.keys.authenticate(chainPresented[0]);
		}
		catch (RuntimeException ex) {
			if (DatabaseFailures.isUnavailable(ex)) {
				log.warn("Database unavailable while authenticating a key: {}", ex.toString());
				response.setHeader("Retry-After", "5");
				reject(response, HttpStatus.SERVICE_UNAVAILABLE, ErrorMessages.DATABASE_UNAVAILABLE);
				return;
			}
			throw ex;
		}
		if (caller.isEmpty()) {
			reject(response, HttpStatus.UNAUTHORIZED, NOT_AUTHENTICATED);
			return;
		}
		request.setAttribute(Caller.ATTRIBUTE, caller.get());
		chain.doFilter(request, response);
	}

	private void reject(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(this.json.writeValueAsBytes(ApiError.of(message)));
	}

}
