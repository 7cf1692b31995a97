package io.taskresults.task;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

interface TaskRepository extends Repository<Task, Long> {

	Task save(Task task);

	Optional<Task> findById(Long id);

	Optional<Task> findFirstByOwnerAndNameOrderByIdAsc(String owner, String name);

	long count();

	long countByOwner(String owner);

	List<Task> findAllBy(Pageable pageable);

	List<Task> findByOwner(String owner, Pageable pageable);

}
