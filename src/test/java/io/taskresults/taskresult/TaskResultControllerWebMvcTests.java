package io.taskresults.taskresult;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.taskresults.apikey.ApiKeyService;
import io.taskresults.apikey.Caller;
import io.taskresults.apikey.Role;
import io.taskresults.tls.ApiCertificateAuthority;
import io.taskresults.web.JsonBodyReader;
import io.taskresults.web.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The web layer alone: JSON rendering and the failures that are hard to cause against a
 * real server (an unexpected exception, a database that goes away mid-request).
 */
@WebMvcTest(TaskResultController.class)
class TaskResultControllerWebMvcTests {

	private static final X509Certificate certificate = ApiCertificateAuthority.create("test CA").certificate();

	private static final Caller analyst = new Caller(UUID.randomUUID(), "alice", Role.ANALYST);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private TaskResults results;

	@MockitoBean
	private ApiKeyService keys;

	@MockitoBean
	private ResultPublisher publisher;

	@MockitoBean
	private JsonBodyReader bodies;

	@BeforeEach
	void authenticateEveryCertificateAsAlice() {
		given(this.keys.authenticate(any())).willReturn(Optional.of(analyst));
	}

	@Test
	void rendersItemsInTheReferenceShape() throws Exception {
		given(this.results.read(analyst, 7, TimeRange.ALL, new PageRequest(2, 1)))
			.willReturn(new TaskResults.ResultPage(3, List.of(new ResultItem(1421660484000L,
					List.of(new Bucket("height: 140", 20)), List.of(new ExceptionCount("boom", 2))))));

		this.mvc.perform(withCertificate(get("/api/task_results/7?page=2&per_page=1")))
			.andExpect(status().isOk())
			.andExpect(content().string("{\"success\":true,\"count\":3,\"page\":2,\"per_page\":1,\"items\":["
					+ "{\"published_at\":1421660484000,\"buckets\":[{\"name\":\"height: 140\",\"value\":20}],"
					+ "\"exceptions\":[{\"error\":\"boom\",\"count\":2}]}]}"));
	}

	@Test
	void hidesTheDetailsOfAnUnexpectedFailure() throws Exception {
		given(this.results.read(any(), anyLong(), any(), any()))
			.willThrow(new IllegalStateException("secret internals at io.taskresults.Foo"));

		this.mvc.perform(withCertificate(get("/api/task_results/7")))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andExpect(content().string("{\"success\":false,\"error\":\"Internal server error.\"}"));
	}

	@Test
	void answers503WhenTheDatabaseIsUnreachableDuringARead() throws Exception {
		given(this.results.read(any(), anyLong(), any(), any()))
			.willThrow(new CannotGetJdbcConnectionException("Connection refused"));

		this.mvc.perform(withCertificate(get("/api/task_results/7")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().string(
					"{\"success\":false,\"error\":\"The database is unavailable or busy. Try again in a few seconds.\"}"));
	}

	@Test
	void answers503WhenTheDatabaseIsUnreachableDuringAuthentication() throws Exception {
		given(this.keys.authenticate(any())).willThrow(new CannotGetJdbcConnectionException("Connection refused"));

		this.mvc.perform(withCertificate(get("/api/task_results/7")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andExpect(content().string(
					"{\"success\":false,\"error\":\"The database is unavailable or busy. Try again in a few seconds.\"}"));
	}

	@Test
	void refusesARequestWithoutACertificateBeforeReachingTheController() throws Exception {
		this.mvc.perform(get("/api/task_results/7"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string("{\"success\":false,\"error\":\"Missing authentication key.\"}"));
	}

	private static MockHttpServletRequestBuilder withCertificate(MockHttpServletRequestBuilder request) {
		return request.requestAttr("jakarta.servlet.request.X509Certificate", new X509Certificate[] { certificate });
	}

}
