package io.taskresults.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reads a request body as a JSON tree, strictly and within a size limit. Endpoints then
 * check the tree field by field, which avoids Jackson's lenient coercions ({@code "20"}
 * or {@code 1.5} becoming {@code 20}) and lets each error name its field.
 */
@Component
public class JsonBodyReader {

	private final long limit;

	private final ObjectReader reader;

	JsonBodyReader(Limits limits, JsonMapper json) {
		this.limit = limits.maxBodySize().toBytes();
		this.reader = json.readerFor(JsonNode.class)
			.with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/**
	 * @throws PayloadTooLarge if the body exceeds the configured limit
	 * @throws UnprocessableContent if it is not one well-formed JSON value
	 */
	public JsonNode read(HttpServletRequest request) {
		return parse(readBytes(request));
	}

	/** The body's bytes, for endpoints that must also hash exactly what was sent. */
	public byte[] readBytes(HttpServletRequest request) {
		// From the header as sent: Spring's encoding filter has already forced the
		// request's to UTF-8.
		String charset = charsetOf(request.getHeader("Content-Type"));
		if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("utf8")) {
			// JSON travels as UTF-8 (RFC 8259); decoding anything else as UTF-8 would
			// garble text.
			throw new UnsupportedCharset(charset);
		}
		if (request.getContentLengthLong() > this.limit) {
			throw new PayloadTooLarge(this.limit);
		}
		return readBounded(request);
	}

	public JsonNode parse(byte[] body) {
		if (body.length == 0) {
			throw new UnprocessableContent("The request body is empty: send a JSON value.");
		}
		try {
			return this.reader.readValue(body);
		}
		catch (JacksonException ex) {
			var location = ex.getLocation();
			String where = (location != null && location.getLineNr() > 0)
					? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
			throw new UnprocessableContent("The request body is not valid JSON" + where + ".");
		}
	}

	private static String charsetOf(String contentType) {
		if (contentType == null) {
			return null;
		}
		try {
			return MediaType.parseMediaType(contentType).getParameter("charset");
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

	private byte[] readBounded(HttpServletRequest request) {
		try (InputStream in = request.getInputStream()) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[64 * 1024];
			long total = 0;
			for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
				total += n;
				if (total > this.limit) {
					throw new PayloadTooLarge(this.limit);
				}
				out.write(buffer, 0, n);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param maxBodySize the largest JSON request body accepted; larger ones get 413
	 */
	@ConfigurationProperties("task-results.limits")
	public record Limits(@DefaultValue("10MB") DataSize maxBodySize) {
	}

}
