package io.taskresults.apikey;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

interface ApiKeyRepository extends Repository<ApiKey, UUID> {

	ApiKey save(ApiKey key);

	Optional<ApiKey> findById(UUID id);

	Optional<ApiKey> findByFingerprint(String fingerprint);

	List<ApiKey> findAllByOrderByCreatedAtAscIdAsc();

	long count();

	List<ApiKey> findAllBy(Pageable pageable);

}
