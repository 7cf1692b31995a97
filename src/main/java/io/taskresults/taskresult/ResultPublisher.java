package io.taskresults.taskresult;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.taskresults.apikey.Caller;
import io.taskresults.task.Tasks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what the cloak publishes: all results of a request or none, exactly once per
 * {@code Idempotency-Key}.
 */
@Service
class ResultPublisher {

	private final Tasks tasks;

	private final TaskResultStore store;

	private final IdempotencyKeys idempotencyKeys;

	ResultPublisher(Tasks tasks, TaskResultStore store, IdempotencyKeys idempotencyKeys) {
		this.tasks = tasks;
		this.store = store;
		this.idempotencyKeys = idempotencyKeys;
	}

	/**
	 * @param idempotencyKey the request's key, or null
	 * @param body the exact request body, to recognise a retry of the same request
	 * @return the stored results' ids, the same ones for every retry of a request
	 */
	@Transactional
	List<Long> publish(Caller caller, long taskId, List<NewResult> results, String idempotencyKey, byte[] body) {
		this.tasks.lockForPublishing(taskId);
		if (idempotencyKey == null) {
			return this.store.insert(taskId, results);
		}
		String requestHash = hash(taskId, body);
		this.idempotencyKeys.lock(caller.keyId(), idempotencyKey);
		Optional<IdempotencyKeys.Remembered> earlier = this.idempotencyKeys.find(caller.keyId(), idempotencyKey);
		if (earlier.isPresent()) {
			if (!earlier.get().requestHash().equals(requestHash)) {
				throw new IdempotencyKeys.IdempotencyKeyReused();
			}
			return earlier.get().ids();
		}
		List<Long> ids = this.store.insert(taskId, results);
		this.idempotencyKeys.remember(caller.keyId(), idempotencyKey, requestHash, ids);
		return ids;
	}

	private static String hash(long taskId, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(ByteBuffer.allocate(Long.BYTES).putLong(taskId).array());
			return HexFormat.of().formatHex(digest.digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
