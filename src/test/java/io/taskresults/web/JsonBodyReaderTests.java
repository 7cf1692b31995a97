package io.taskresults.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonBodyReaderTests {

	private final JsonBodyReader reader = new JsonBodyReader(new JsonBodyReader.Limits(DataSize.ofBytes(64)),
			JsonMapper.builder().build());

	@Test
	void refusesNestingDeeperThanJacksonAllowsAsUnprocessable() {
		JsonBodyReader roomy = new JsonBodyReader(new JsonBodyReader.Limits(DataSize.ofMegabytes(1)),
				JsonMapper.builder().build());
		byte[] deep = ("[".repeat(2000) + "]".repeat(2000)).getBytes(StandardCharsets.US_ASCII);

		assertThatExceptionOfType(UnprocessableContent.class).isThrownBy(() -> roomy.parse(deep))
			.withMessageStartingWith("The request body is not valid JSON");
	}

	@Test
	void refusesABodyOverTheLimitByItsDeclaredLength() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
		request.setContent(new byte[65]);

		assertThatExceptionOfType(PayloadTooLarge.class).isThrownBy(() -> this.reader.read(request))
			.withMessage("The request body is larger than the limit of 64 bytes.");
	}

	@Test
	void refusesABodyOverTheLimitThatDeclaresNoLength() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/") {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

		};
		request.setContent(new byte[65]);

		assertThatExceptionOfType(PayloadTooLarge.class).isThrownBy(() -> this.reader.readBytes(request));
	}

	@Test
	void readsABodyAtTheLimit() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
		String json = "{\"name\":\"" + "x".repeat(53) + "\"}";
		request.setContent(json.getBytes(StandardCharsets.US_ASCII));

		assertThat(json).hasSize(64);
		assertThat(this.reader.read(request).get("name").asString()).hasSize(53);
	}

}
