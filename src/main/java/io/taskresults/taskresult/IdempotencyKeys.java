package io.taskresults.taskresult;

import java.sql.Array;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.taskresults.TaskResultsProperties;
import io.taskresults.web.ApiException;
import io.taskresults.web.InvalidParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The memory behind {@code Idempotency-Key}. A publish request with a key takes a
 * transaction-scoped advisory lock on (API key, Idempotency-Key): a concurrent request
 * with the same key cannot take it and gets 409, and a crash releases it with the
 * transaction, so nothing stays stuck "in progress". The key's record is written in the
 * same transaction as the results, so a 201 and its memory commit together or not at all.
 */
@Component
class IdempotencyKeys {

	static final int MAX_LENGTH = 255;

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

	private final JdbcClient jdbc;

	private final TaskResultsProperties properties;

	IdempotencyKeys(JdbcClient jdbc, TaskResultsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * The header's value: a bare token or a structured-field string ({@code "..."}).
	 * @param headers every {@code Idempotency-Key} header of the request
	 * @return null if the header is absent
	 */
	static String parseHeader(List<String> headers) {
		if (headers.isEmpty()) {
			return null;
		}
		if (headers.size() > 1) {
			throw new InvalidParameter("Send one Idempotency-Key header, not " + headers.size());
		}
		String header = headers.get(0);
		String key = (header.length() >= 2 && header.startsWith("\"") && header.endsWith("\""))
				? header.substring(1, header.length() - 1) : header;
		if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch((c) -> c >= 0x20 && c < 0x7f)) {
			throw new InvalidParameter("Idempotency-Key must be 1 to " + MAX_LENGTH + " printable ASCII characters");
		}
		return key;
	}

	/** Must run inside the publishing transaction: the lock lasts until it ends. */
	void lock(UUID apiKey, String key) {
		Boolean locked = this.jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(:lock, 0))")
			.param("lock", apiKey + "/" + key)
			.query(Boolean.class)
			.single();
		if (!Boolean.TRUE.equals(locked)) {
			throw new IdempotencyKeyInUse();
		}
	}

	Optional<Remembered> find(UUID apiKey, String key) {
		return this.jdbc
			.sql("SELECT request_hash, result_ids FROM idempotency_key"
					+ " WHERE api_key_id = :apiKey AND idempotency_key = :key")
			.param("apiKey", apiKey)
			.param("key", key)
			.query((rs, n) -> new Remembered(rs.getString(1), ids(rs.getArray(2))))
			.optional();
	}

	void remember(UUID apiKey, String key, String requestHash, List<Long> ids) {
		this.jdbc
			.sql("INSERT INTO idempotency_key (api_key_id, idempotency_key, request_hash, result_ids)"
					+ " VALUES (:apiKey, :key, :hash, :ids)")
			.param("apiKey", apiKey)
			.param("key", key)
			.param("hash", requestHash)
			.param("ids", ids.toArray(Long[]::new))
			.update();
	}

	@Scheduled(fixedDelayString = "${task-results.purge.interval:PT1M}", initialDelayString = "PT5S")
	void forgetExpired() {
		try {
			int forgotten = this.jdbc.sql("DELETE FROM idempotency_key WHERE created_at < :cutoff")
				.param("cutoff",
						Instant.now().minus(this.properties.idempotencyKeyRetention()).atOffset(ZoneOffset.UTC))
				.update();
			if (forgotten > 0) {
				log.debug("Forgot {} expired idempotency keys", forgotten);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Could not forget expired idempotency keys, will retry: {}", ex.toString());
		}
	}

	private static List<Long> ids(Array array) throws java.sql.SQLException {
		return Arrays.asList((Long[]) array.getArray());
	}

	record Remembered(String requestHash, List<Long> ids) {
	}

	static class IdempotencyKeyInUse extends ApiException {

		IdempotencyKeyInUse() {
			super(HttpStatus.CONFLICT,
					"A request with this Idempotency-Key is still in progress; retry when it has finished.");
		}

	}

	static class IdempotencyKeyReused extends ApiException {

		IdempotencyKeyReused() {
			super(HttpStatus.UNPROCESSABLE_CONTENT,
					"This Idempotency-Key was already used for a different request; use a new key for new results.");
		}

	}

}
