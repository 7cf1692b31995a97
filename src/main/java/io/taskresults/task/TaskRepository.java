package io.taskresults.task;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.repository.Repository;

interface TaskRepository extends Repository<Task, Long> {

	Task save(Task task);

	Optional<Task> findById(Long id);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Task> findForUpdateById(Long id);

	Optional<Task> findFirstByOwnerAndNameAndDeletedAtIsNullOrderByIdAsc(String owner, String name);

	long countByDeletedAtIsNull();

	long countByOwnerAndDeletedAtIsNull(String owner);

	List<Task> findByDeletedAtIsNull(Pageable pageable);

	List<Task> findByOwnerAndDeletedAtIsNull(String owner, Pageable pageable);

}
