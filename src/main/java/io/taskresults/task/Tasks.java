package io.taskresults.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.taskresults.apikey.Caller;
import io.taskresults.apikey.Role;
import io.taskresults.web.PageRequest;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks and who may read them: an admin key reads every task, an analyst key the tasks
 * its analyst owns, a cloak key none.
 */
@Service
public class Tasks {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private final TaskRepository tasks;

	Tasks(TaskRepository tasks) {
		this.tasks = tasks;
	}

	/**
	 * The task, if the caller may read it.
	 * @throws TaskNotFound if there is no such task or the caller may not read it
	 */
	@Transactional(readOnly = true)
	public TaskSummary readable(Caller caller, long id) {
		return this.tasks.findById(id)
			.map(Task::toSummary)
			.filter((task) -> mayRead(caller, task))
			.orElseThrow(() -> new TaskNotFound(id));
	}

	@Transactional(readOnly = true)
	public TaskPage readablePage(Caller caller, PageRequest page) {
		long count = switch (caller.role()) {
			case ADMIN -> this.tasks.count();
			case ANALYST -> this.tasks.countByOwner(caller.name());
			case CLOAK -> 0;
		};
		if (page.offset() >= count) {
			return new TaskPage(count, List.of());
		}
		// offset < count here, so it fits the int that JPA paging takes.
		var pageable = org.springframework.data.domain.PageRequest.of(page.page() - 1, page.perPage(), NEWEST_FIRST);
		List<Task> items = (caller.role() == Role.ADMIN) ? this.tasks.findAllBy(pageable)
				: this.tasks.findByOwner(caller.name(), pageable);
		return new TaskPage(count, items.stream().map(Task::toSummary).toList());
	}

	@Transactional
	public TaskSummary create(String name, String owner) {
		return this.tasks.save(new Task(name, owner, Instant.now().truncatedTo(ChronoUnit.MICROS))).toSummary();
	}

	@Transactional(readOnly = true)
	public Optional<TaskSummary> findOwnedByName(String owner, String name) {
		return this.tasks.findFirstByOwnerAndNameOrderByIdAsc(owner, name).map(Task::toSummary);
	}

	static boolean mayRead(Caller caller, TaskSummary task) {
		return switch (caller.role()) {
			case ADMIN -> true;
			case ANALYST -> task.owner().equals(caller.name());
			case CLOAK -> false;
		};
	}

	/** One page of tasks and how many there are in all. */
	public record TaskPage(long count, List<TaskSummary> items) {
	}

}
